import 'server-only';
import { db } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';
import { isUuid } from '@/lib/ids';
import { authorize, type Viewer } from '@/lib/staff/session';
import { organizationRequestStatuses, type OrganizationAnswers, type OrganizationRequestStatus } from './fields';

// The organizations' requests for staff: each read and change authorized here and audited (the contact's name,
// email and phone are personal data), never in the pages.

export interface OrganizationRequestRow extends OrganizationAnswers {
  id: string;
  locale: string;
  status: OrganizationRequestStatus;
  createdAt: Date;
}

export function isOrganizationRequestStatus(value: unknown): value is OrganizationRequestStatus {
  return typeof value === 'string' && (organizationRequestStatuses as readonly string[]).includes(value);
}

/** The newest requests first (at most 200), optionally of one status. */
export async function listOrganizationRequests(
  viewer: Viewer,
  filter: { status?: OrganizationRequestStatus },
  ctx: { ipAddress: string | null },
): Promise<OrganizationRequestRow[]> {
  const actor = await authorize(viewer, 'organizations:read');
  const rows = await db().organizationRequest.findMany({
    where: filter.status ? { status: filter.status } : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 200,
    select: {
      id: true,
      organization: true,
      kind: true,
      contactName: true,
      email: true,
      phone: true,
      purposes: true,
      message: true,
      locale: true,
      status: true,
      createdAt: true,
    },
  });
  await recordAudit({ actor, action: 'organizations.list', details: { status: filter.status ?? null, rows: rows.length }, ipAddress: ctx.ipAddress });
  return rows;
}

/** Moves a request to `status`, with the change and its audit event in one transaction. */
export async function setOrganizationRequestStatus(
  viewer: Viewer,
  id: string,
  status: OrganizationRequestStatus,
  ctx: { ipAddress: string | null },
): Promise<{ ok: true } | { ok: false; error: 'notFound' }> {
  const actor = await authorize(viewer, 'organizations:manage');
  if (!isUuid(id)) return { ok: false, error: 'notFound' };
  return db().$transaction(async (tx) => {
    const before = await tx.organizationRequest.findUnique({ where: { id }, select: { status: true } });
    if (!before) return { ok: false as const, error: 'notFound' as const };
    await tx.organizationRequest.update({ where: { id }, data: { status, updatedAt: new Date() }, select: { id: true } });
    await recordAudit({ actor, action: 'organization.status', details: { requestId: id, from: before.status, to: status }, ipAddress: ctx.ipAddress }, tx);
    return { ok: true as const };
  });
}
