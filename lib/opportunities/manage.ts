import 'server-only';
import { db, type Db } from '@/lib/db/client';
import { isUuid } from '@/lib/ids';
import { recordAudit } from '@/lib/audit/record';
import { authorize, type Viewer } from '@/lib/staff/session';
import {
  parseOpportunity,
  opportunityValuesFrom,
  type OpportunityErrorKey,
  type OpportunityFormValues,
  type OpportunityInput,
  type OpportunityState,
} from './schema';
import { draftSlug, newSlug } from './slug';
import { headingColumns, withEmployerName, type OpportunityHeading } from './heading';
import { matchCriteriaColumns } from './matching';

// Staff create, edit, publish and close opportunities. Every function authorizes the verified viewer against the
// database first and writes its audit event in the same transaction as the change. What the public pages show is
// made again on demand (lib/opportunities/revalidate.ts) by the server actions that call these.

const columns = {
  id: true,
  slug: true,
  state: true,
  titleEs: true,
  titleEn: true,
  descriptionEs: true,
  descriptionEn: true,
  program: true,
  startsOn: true,
  endsOn: true,
  scheduleEs: true,
  scheduleEn: true,
  mode: true,
  place: true,
  costTermsEs: true,
  costTermsEn: true,
  seats: true,
  howToEnrolEs: true,
  howToEnrolEn: true,
  enrolmentUrl: true,
  employerId: true,
  employmentType: true,
  salaryMin: true,
  salaryMax: true,
  closesOn: true,
  ...matchCriteriaColumns,
  publishedAt: true,
  closedAt: true,
  updatedAt: true,
} as const;

export type StaffOpportunity = Awaited<ReturnType<typeof loadOpportunity>> & {};

async function loadOpportunity(client: Pick<Db, 'opportunity'>, id: string) {
  return client.opportunity.findUnique({ where: { id }, select: columns });
}

export interface OpportunityRow extends OpportunityHeading {
  startsOn: Date | null;
  closesOn: Date | null;
  updatedAt: Date;
}

export async function listOpportunitiesForStaff(viewer: Viewer): Promise<OpportunityRow[]> {
  await authorize(viewer, 'opportunities:manage');
  const rows = await db().opportunity.findMany({
    select: { ...headingColumns, startsOn: true, closesOn: true, updatedAt: true },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    take: 500,
  });
  return rows.map(withEmployerName);
}

export async function getOpportunityForStaff(viewer: Viewer, id: string): Promise<{ row: NonNullable<StaffOpportunity>; values: OpportunityFormValues } | null> {
  await authorize(viewer, 'opportunities:manage');
  if (!isUuid(id)) return null;
  const row = await loadOpportunity(db(), id);
  return row ? { row, values: opportunityValuesFrom(row) } : null;
}

const day = (value: string | null) => (value === null ? null : new Date(`${value}T00:00:00Z`));

function dataOf(input: OpportunityInput) {
  return { ...input, startsOn: day(input.startsOn), endsOn: day(input.endsOn), closesOn: day(input.closesOn) };
}

/** The names of the fields whose stored value differs (for the audit event: what changed, not the texts). */
function changedFields(before: OpportunityFormValues, after: OpportunityFormValues): string[] {
  return (Object.keys(after) as (keyof OpportunityFormValues)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

export type SaveResult =
  | { ok: true; id: string; slug: string; state: OpportunityState; program: string | null; previousProgram?: string | null }
  | { ok: false; errors: Record<string, OpportunityErrorKey> }
  | { ok: false; notFound: true };

/** A new draft. Drafts may be incomplete; nothing outside staff pages shows them. */
export async function createOpportunity(viewer: Viewer, values: OpportunityFormValues, ctx: { ipAddress: string | null }): Promise<SaveResult> {
  const actor = await authorize(viewer, 'opportunities:manage');
  const parsed = parseOpportunity(values, 'draft');
  if (!parsed.ok) return parsed;
  const employerError = await unknownEmployer(db(), parsed.data);
  if (employerError) return employerError;
  return db().$transaction(async (tx) => {
    const created = await tx.opportunity.create({
      data: { ...dataOf(parsed.data), slug: draftSlug(), createdBy: actor.id },
      select: { id: true, slug: true, state: true, program: true },
    });
    await recordAudit(
      { actor, action: 'opportunity.create', details: { opportunity: created.id, kind: parsed.data.kind }, ipAddress: ctx.ipAddress },
      tx,
    );
    return { ok: true as const, ...created };
  });
}

async function unknownEmployer(client: Pick<Db, 'partnerOrganization'>, input: OpportunityInput): Promise<SaveResult | null> {
  if (!input.employerId) return null;
  const employer = await client.partnerOrganization.findUnique({ where: { id: input.employerId }, select: { kind: true, archivedAt: true } });
  return employer && employer.kind === 'employer' && !employer.archivedAt ? null : { ok: false, errors: { employerId: 'invalid' } };
}

/**
 * Save an edit. A published (or closed) opportunity must stay complete in both languages: it is checked as
 * strictly as publishing is. Its address does not change.
 */
export async function updateOpportunity(viewer: Viewer, id: string, values: OpportunityFormValues, ctx: { ipAddress: string | null }): Promise<SaveResult> {
  const actor = await authorize(viewer, 'opportunities:manage');
  if (!isUuid(id)) return { ok: false, notFound: true };
  return db().$transaction(async (tx) => {
    // FOR UPDATE: a publish or close at the same moment waits, so the strictness checked is the state saved over.
    const locked = await tx.$queryRaw<{ state: OpportunityState }[]>`SELECT "state" FROM "opportunities" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const before = locked.length ? await loadOpportunity(tx, id) : null;
    if (!before) return { ok: false as const, notFound: true as const };
    const parsed = parseOpportunity(values, before.state === 'draft' ? 'draft' : 'publish');
    if (!parsed.ok) return parsed;
    if (before.state !== 'draft' && before.kind !== parsed.data.kind) return { ok: false as const, errors: { kind: 'invalid' as const } };
    const employerError = await unknownEmployer(tx, parsed.data);
    if (employerError) return employerError;
    const after = await tx.opportunity.update({
      where: { id },
      data: { ...dataOf(parsed.data), updatedAt: new Date() },
      select: columns,
    });
    const changed = changedFields(opportunityValuesFrom(before), opportunityValuesFrom(after));
    await recordAudit(
      { actor, action: 'opportunity.update', details: { opportunity: id, slug: after.slug, state: after.state, changed }, ipAddress: ctx.ipAddress },
      tx,
    );
    return { ok: true as const, id, slug: after.slug, state: after.state, program: after.program, previousProgram: before.program };
  });
}

/** Publish a draft: checked again from what is stored (both languages, program or employer, dates), then public. */
export async function publishOpportunity(viewer: Viewer, id: string, ctx: { ipAddress: string | null }): Promise<SaveResult> {
  const actor = await authorize(viewer, 'opportunities:manage');
  if (!isUuid(id)) return { ok: false, notFound: true };
  return db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ state: OpportunityState }[]>`SELECT "state" FROM "opportunities" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const row = locked.length ? await loadOpportunity(tx, id) : null;
    if (!row) return { ok: false as const, notFound: true as const };
    const parsed = parseOpportunity(opportunityValuesFrom(row), 'publish');
    if (!parsed.ok) return parsed;
    if (row.state === 'published') return { ok: true as const, id, slug: row.slug, state: row.state, program: row.program };
    const firstTime = row.publishedAt === null;
    const title = row.titleEs || row.titleEn;
    const published = await tx.opportunity.update({
      where: { id },
      data: {
        state: 'published',
        closedAt: null,
        ...(firstTime ? { publishedAt: new Date(), slug: newSlug(title) } : {}),
        updatedAt: new Date(),
      },
      select: { id: true, slug: true, state: true, program: true },
    });
    await recordAudit(
      { actor, action: 'opportunity.publish', details: { opportunity: id, slug: published.slug, kind: row.kind, reopened: !firstTime }, ipAddress: ctx.ipAddress },
      tx,
    );
    return { ok: true as const, ...published };
  });
}

/** Close a published opportunity: its page stays and says it is closed; it leaves the list and the sitemap. */
export async function closeOpportunity(viewer: Viewer, id: string, ctx: { ipAddress: string | null }): Promise<SaveResult> {
  const actor = await authorize(viewer, 'opportunities:manage');
  if (!isUuid(id)) return { ok: false, notFound: true };
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ state: OpportunityState; slug: string; program: string | null }[]>`
      SELECT "state", "slug", "program" FROM "opportunities" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const row = rows[0];
    if (!row) return { ok: false as const, notFound: true as const };
    if (row.state !== 'published') return { ok: false as const, errors: { state: 'invalid' as const } };
    await tx.opportunity.update({ where: { id }, data: { state: 'closed', closedAt: new Date(), updatedAt: new Date() }, select: { id: true } });
    await recordAudit({ actor, action: 'opportunity.close', details: { opportunity: id, slug: row.slug }, ipAddress: ctx.ipAddress }, tx);
    return { ok: true as const, id, slug: row.slug, state: 'closed' as const, program: row.program };
  });
}
