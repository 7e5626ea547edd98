import 'server-only';
import { db, Prisma } from '@/lib/db/client';
import { recordAudit, type AuditActor } from '@/lib/audit/record';
import { isUuid } from '@/lib/ids';
import { authorize, type Actor, type Viewer } from '@/lib/staff/session';
import { authorizeCandidate, type CandidateLink } from '@/lib/my-data/session';
import { recordSharing, SharingRefusedError } from '@/lib/sharing/record';
import { purposeFor } from './matching';
import { pipelineChangeSchema, type PipelineChangeInput, type PipelineStatus } from './pipeline-schema';

// Each candidate's place in an opportunity's pipeline: its status now on opportunity_candidates, and every change
// with its note, who made it (NULL: the candidate, "I'm interested") and when on opportunity_pipeline_events. Each
// change by staff is audited in the same transaction; moving a candidate to `referred` shares their data with the
// employer (or training provider), which is recorded as a sharing to that organization.

export interface PipelineRow {
  candidateId: string;
  fullName: string;
  email: string;
  status: PipelineStatus;
  mailStatus: 'waiting' | 'queued' | 'sent' | 'failed' | 'notSent' | null;
  interestedAt: Date | null;
  updatedAt: Date;
  lastNote: string | null;
}

export interface Pipeline {
  rows: PipelineRow[];
  total: number;
  page: number;
  pageSize: number;
  counts: Partial<Record<PipelineStatus, number>>;
}

export const pipelinePageSize = 50;

/** The candidates in an opportunity's pipeline, filtered by status, interested first. Audited (names are read). */
export async function opportunityPipeline(
  viewer: Viewer,
  opportunityId: string,
  options: { status?: PipelineStatus | null; page?: number; ipAddress?: string | null } = {},
): Promise<Pipeline | null> {
  const actor = await authorize(viewer, 'candidates:read');
  if (!isUuid(opportunityId)) return null;
  const status = options.status ?? null;
  const statusFilter = status ? Prisma.sql`AND oc.status = ${status}::pipeline_status` : Prisma.empty;
  const countRows = await db().$queryRaw<{ status: PipelineStatus; n: number }[]>(Prisma.sql`
    SELECT status::text AS status, count(*)::int AS n FROM opportunity_candidates WHERE opportunity_id = ${opportunityId}::uuid GROUP BY 1`);
  const counts = Object.fromEntries(countRows.map((r) => [r.status, r.n])) as Partial<Record<PipelineStatus, number>>;
  const total = status ? (counts[status] ?? 0) : countRows.reduce((sum, r) => sum + r.n, 0);
  const lastPage = Math.max(1, Math.ceil(total / pipelinePageSize));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), lastPage);
  const rows = await db().$queryRaw<
    { candidate_id: string; full_name: string; email: string; status: PipelineStatus; announce_mail: string | null; mail_status: string | null; interested_at: Date | null; updated_at: Date; last_note: string | null }[]
  >(Prisma.sql`
    SELECT oc.candidate_id, c.full_name, c.email, oc.status::text AS status, oc.announce_mail::text AS announce_mail, m.status::text AS mail_status,
           oc.interested_at, oc.updated_at,
           (SELECT e.note FROM opportunity_pipeline_events e
             WHERE e.opportunity_id = oc.opportunity_id AND e.candidate_id = oc.candidate_id AND e.note IS NOT NULL
             ORDER BY e.created_at DESC, e.id DESC LIMIT 1) AS last_note
      FROM opportunity_candidates oc
      JOIN candidates c ON c.id = oc.candidate_id
      LEFT JOIN mail_outbox m ON m.id = oc.mail_id
     WHERE oc.opportunity_id = ${opportunityId}::uuid ${statusFilter}
     ORDER BY oc.interested_at DESC NULLS LAST, oc.updated_at DESC, oc.candidate_id
     LIMIT ${pipelinePageSize}::int OFFSET ${(page - 1) * pipelinePageSize}::int`);
  await recordAudit({
    actor,
    action: 'opportunity.pipeline-view',
    details: { opportunityId, status, page, candidateIds: rows.map((r) => r.candidate_id) },
    ipAddress: options.ipAddress ?? null,
  });
  return {
    rows: rows.map((r) => ({
      candidateId: r.candidate_id,
      fullName: r.full_name,
      email: r.email,
      status: r.status,
      mailStatus: mailStatusOf(r.announce_mail, r.mail_status),
      interestedAt: r.interested_at,
      updatedAt: r.updated_at,
      lastNote: r.last_note,
    })),
    total,
    page,
    pageSize: pipelinePageSize,
    counts,
  };
}

function mailStatusOf(announce: string | null, mail: string | null): PipelineRow['mailStatus'] {
  if (announce === 'waiting') return 'waiting';
  if (announce === 'withheld' || mail === 'skipped') return 'notSent';
  if (mail === 'queued' || mail === 'sent' || mail === 'failed') return mail;
  return null;
}

export type PipelineChangeOutcome =
  | { ok: true; from: PipelineStatus; to: PipelineStatus }
  | { ok: false; error: 'invalid'; fieldErrors: Record<string, string> }
  | { ok: false; error: 'notFound' | 'consentNotInForce' };

/** Move a candidate to a status (or add a note to the current one), audited with who, from and to. */
export async function changePipelineStatus(
  viewer: Viewer,
  input: PipelineChangeInput,
  context: { ipAddress: string | null },
): Promise<PipelineChangeOutcome> {
  const actor = await authorize(viewer, 'opportunities:announce');
  const parsed = pipelineChangeSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    if (fieldErrors.opportunityId || fieldErrors.candidateId) return { ok: false, error: 'notFound' };
    return { ok: false, error: 'invalid', fieldErrors };
  }
  const { opportunityId, candidateId, status, note } = parsed.data;
  return db().$transaction(async (tx): Promise<PipelineChangeOutcome> => {
    const [pair] = await tx.$queryRaw<
      { status: PipelineStatus; kind: 'cohort' | 'job'; employer_id: string | null; program: string | null; title_es: string; title_en: string; purposes: string[] | null; candidate_status: string }[]
    >(
      Prisma.sql`
        SELECT oc.status::text AS status, o.kind::text AS kind, o.employer_id, o.program, o.title_es, o.title_en,
               c.consent_purposes AS purposes, c.status::text AS candidate_status
          FROM opportunity_candidates oc
          JOIN opportunities o ON o.id = oc.opportunity_id
          JOIN candidates c ON c.id = oc.candidate_id
         WHERE oc.opportunity_id = ${opportunityId}::uuid AND oc.candidate_id = ${candidateId}::uuid
           FOR UPDATE OF oc`,
    );
    if (!pair) return { ok: false, error: 'notFound' };
    // Referring hands the candidate's data to another organization: only with their consent for this purpose in force.
    if (status === 'referred' && pair.status !== 'referred') {
      const inForce = pair.candidate_status === 'active' && (pair.purposes ?? []).includes(purposeFor(pair.kind));
      if (!inForce) return { ok: false, error: 'consentNotInForce' };
      // A job's employer is a partner organization: the referral goes in the sharing register (the candidate sees it
      // on My data), under the same rules as an export; before anything else is written, so a refusal writes nothing.
      if (pair.employer_id) {
        try {
          await recordSharing(tx, {
            viewer,
            organizationId: pair.employer_id,
            purpose: `Remisión a «${pair.title_es}» / Referral to "${pair.title_en}"`,
            candidateIds: [candidateId],
            ipAddress: context.ipAddress,
          });
        } catch (error) {
          if (error instanceof SharingRefusedError) return { ok: false, error: 'consentNotInForce' };
          throw error;
        }
      }
    }
    await tx.$executeRaw(Prisma.sql`
      UPDATE opportunity_candidates SET status = ${status}::pipeline_status, updated_by = ${actor.id}::uuid, updated_at = clock_timestamp()
       WHERE opportunity_id = ${opportunityId}::uuid AND candidate_id = ${candidateId}::uuid`);
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO opportunity_pipeline_events (opportunity_id, candidate_id, status, note, staff_user_id)
      VALUES (${opportunityId}::uuid, ${candidateId}::uuid, ${status}::pipeline_status, ${note}, ${actor.id}::uuid)`);
    await recordAudit(
      {
        actor,
        action: 'opportunity.pipeline-change',
        // The note's text stays on the event (the candidate sees it in My data); the audit says one was written.
        details: { opportunityId, candidateId, from: pair.status, to: status, note: note !== null },
        ipAddress: context.ipAddress,
      },
      tx,
    );
    if (status === 'referred' && pair.status !== 'referred') {
      await recordReferral(tx, actor, { opportunityId, candidateId, organizationId: pair.employer_id, program: pair.program }, context);
    }
    return { ok: true, from: pair.status, to: status };
  });
}

/**
 * Referring a candidate is a sharing of their data with an organization: recorded here as an audit event that names
 * the organization (the employer of a job; for a cohort, its program, whose provider the register names) and the
 * candidate, in the same transaction as the pipeline change; a job's referral is also in the sharing register
 * (recordSharing, called before the change).
 */
export async function recordReferral(
  tx: Prisma.TransactionClient,
  actor: Actor | AuditActor,
  referral: { opportunityId: string; candidateId: string; organizationId: string | null; program: string | null },
  context: { ipAddress: string | null },
): Promise<void> {
  await recordAudit(
    {
      actor: { id: actor.id, email: actor.email },
      action: 'opportunity.refer',
      details: {
        opportunityId: referral.opportunityId,
        candidateId: referral.candidateId,
        organizationId: referral.organizationId,
        program: referral.program,
      },
      ipAddress: context.ipAddress,
    },
    tx,
  );
}

export interface CandidateOpportunity {
  opportunityId: string;
  kind: 'cohort' | 'job';
  slug: string;
  titleEs: string;
  titleEn: string;
  status: PipelineStatus;
  announcedAt: Date | null;
  interestedAt: Date | null;
  updatedAt: Date;
  history: { status: PipelineStatus; note: string | null; by: string | null; byCandidate: boolean; at: Date }[];
}

async function opportunitiesOf(candidateId: string): Promise<CandidateOpportunity[]> {
  const pairs = await db().$queryRaw<
    { opportunity_id: string; kind: 'cohort' | 'job'; slug: string; title_es: string; title_en: string; status: PipelineStatus; announced_at: Date | null; interested_at: Date | null; updated_at: Date }[]
  >(Prisma.sql`
    SELECT oc.opportunity_id, o.kind::text AS kind, o.slug, o.title_es, o.title_en, oc.status::text AS status, oc.announced_at, oc.interested_at, oc.updated_at
      FROM opportunity_candidates oc JOIN opportunities o ON o.id = oc.opportunity_id
     WHERE oc.candidate_id = ${candidateId}::uuid
     ORDER BY oc.created_at DESC, oc.opportunity_id`);
  const events = await db().$queryRaw<{ opportunity_id: string; status: PipelineStatus; note: string | null; staff_name: string | null; staff_user_id: string | null; created_at: Date }[]>(Prisma.sql`
    SELECT e.opportunity_id, e.status::text AS status, e.note, s.name AS staff_name, e.staff_user_id, e.created_at
      FROM opportunity_pipeline_events e LEFT JOIN staff_users s ON s.id = e.staff_user_id
     WHERE e.candidate_id = ${candidateId}::uuid
     ORDER BY e.created_at, e.id`);
  return pairs.map((p) => ({
    opportunityId: p.opportunity_id,
    kind: p.kind,
    slug: p.slug,
    titleEs: p.title_es,
    titleEn: p.title_en,
    status: p.status,
    announcedAt: p.announced_at,
    interestedAt: p.interested_at,
    updatedAt: p.updated_at,
    history: events
      .filter((e) => e.opportunity_id === p.opportunity_id)
      .map((e) => ({ status: e.status, note: e.note, by: e.staff_name, byCandidate: e.staff_user_id === null, at: e.created_at })),
  }));
}

/** Every opportunity of a candidate, for their staff page (the page's own read is audited as candidate.view). */
export async function candidateOpportunities(viewer: Viewer, candidateId: string): Promise<CandidateOpportunity[]> {
  await authorize(viewer, 'candidates:read');
  if (!isUuid(candidateId)) return [];
  return opportunitiesOf(candidateId);
}

/** The same, for the candidate's own My data page and download. */
export async function myOpportunities(link: CandidateLink): Promise<CandidateOpportunity[]> {
  return opportunitiesOf(await authorizeCandidate(link));
}
