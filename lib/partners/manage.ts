import 'server-only';
import { db } from '@/lib/db/client';
import { isUuid } from '@/lib/ids';
import { recordAudit } from '@/lib/audit/record';
import { authorize, type Viewer } from '@/lib/staff/session';
import { partnerFieldErrors, partnerSchema, type PartnerFormValues, type PartnerKind, type PartnerReceivesAs } from './schema';

// The partner organizations candidates' data may go to (admins only, `partners:manage`). Every change is audited
// with the organization's id and what it became; an organization is archived, never deleted, because sharings
// name it.

export interface Partner {
  id: string;
  name: string;
  kind: PartnerKind;
  country: string;
  receivesAs: PartnerReceivesAs;
  agreementReference: string | null;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
  sharings: number;
}

export type SavePartnerResult = { ok: true; id: string } | { ok: false; errors: Record<string, string> };

const partnerSelect = {
  id: true,
  name: true,
  kind: true,
  country: true,
  receivesAs: true,
  agreementReference: true,
  createdAt: true,
  updatedAt: true,
  archivedAt: true,
  _count: { select: { sharings: true } },
} as const;

type Row = { _count: { sharings: number } } & Omit<Partner, 'sharings'>;
const toPartner = ({ _count, ...row }: Row): Partner => ({ ...row, sharings: _count.sharings });

/** Every organization, the ones in use first, then archived ones; by name. */
export async function listPartners(viewer: Viewer): Promise<Partner[]> {
  await authorize(viewer, 'partners:manage');
  const rows = await db().partnerOrganization.findMany({ select: partnerSelect, orderBy: [{ archivedAt: { sort: 'desc', nulls: 'first' } }, { name: 'asc' }] });
  return rows.map(toPartner);
}

export async function getPartner(viewer: Viewer, id: string): Promise<Partner | null> {
  await authorize(viewer, 'partners:manage');
  if (!isUuid(id)) return null;
  const row = await db().partnerOrganization.findUnique({ where: { id }, select: partnerSelect });
  return row ? toPartner(row) : null;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  return e?.code === 'P2002' || e?.meta?.driverAdapterError?.cause?.originalCode === '23505';
}

export async function createPartner(viewer: Viewer, input: PartnerFormValues, ctx: { ipAddress: string | null }): Promise<SavePartnerResult> {
  const actor = await authorize(viewer, 'partners:manage');
  const parsed = partnerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: partnerFieldErrors(parsed.error) };
  try {
    const id = await db().$transaction(async (tx) => {
      const created = await tx.partnerOrganization.create({ data: { ...parsed.data, createdBy: actor.id }, select: { id: true } });
      await recordAudit({ actor, action: 'partner.create', details: { partnerId: created.id, ...parsed.data }, ipAddress: ctx.ipAddress }, tx);
      return created.id;
    });
    return { ok: true, id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { name: 'nameTaken' } };
    throw error;
  }
}

export async function updatePartner(viewer: Viewer, id: string, input: PartnerFormValues, ctx: { ipAddress: string | null }): Promise<SavePartnerResult | { ok: false; notFound: true }> {
  const actor = await authorize(viewer, 'partners:manage');
  if (!isUuid(id)) return { ok: false, notFound: true };
  const parsed = partnerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: partnerFieldErrors(parsed.error) };
  try {
    return await db().$transaction(async (tx) => {
      const { count } = await tx.partnerOrganization.updateMany({ where: { id }, data: { ...parsed.data, updatedAt: new Date() } });
      if (count === 0) return { ok: false as const, notFound: true as const };
      await recordAudit({ actor, action: 'partner.update', details: { partnerId: id, ...parsed.data }, ipAddress: ctx.ipAddress }, tx);
      return { ok: true as const, id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { name: 'nameTaken' } };
    throw error;
  }
}

/** Archive (no new exports or referrals name it; past sharings keep it) or bring it back. */
export async function setPartnerArchived(viewer: Viewer, id: string, archived: boolean, ctx: { ipAddress: string | null }): Promise<{ ok: boolean }> {
  const actor = await authorize(viewer, 'partners:manage');
  if (!isUuid(id)) return { ok: false };
  return db().$transaction(async (tx) => {
    const { count } = await tx.partnerOrganization.updateMany({
      where: { id, archivedAt: archived ? null : { not: null } },
      data: { archivedAt: archived ? new Date() : null, updatedAt: new Date() },
    });
    if (count === 0) return { ok: Boolean(await tx.partnerOrganization.findUnique({ where: { id }, select: { id: true } })) };
    await recordAudit({ actor, action: archived ? 'partner.archive' : 'partner.restore', details: { partnerId: id }, ipAddress: ctx.ipAddress }, tx);
    return { ok: true };
  });
}
