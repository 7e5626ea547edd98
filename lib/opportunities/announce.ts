import 'server-only';
import { randomUUID } from 'node:crypto';
import { db, Prisma } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';
import { serverConfig } from '@/lib/config/env';
import { isUuid } from '@/lib/ids';
import { logger } from '@/lib/log';
import { queueMailCtes } from '@/lib/mail/outbox';
import { issueToken } from '@/lib/security/tokens';
import { authorize, type Viewer } from '@/lib/staff/session';
import { matchConditionSql, opportunitySummary, purposeFor } from './matching';

// Announcing an opportunity to the candidates who match it, in two steps:
//
// 1. `announceOpportunity`: INSERT … SELECT (in slices of 20,000 candidates, one transaction) writes a pipeline
//    row per matching candidate not yet in this opportunity's pipeline (the primary key is what makes "nobody gets the same opportunity twice", even for two
//    staff members pressing the button together), its mail `waiting`. Memory stays flat whatever the count: no row
//    passes through Node.
// 2. `releaseAnnouncementMails` (the job `opportunities:release-mails`): takes the oldest waiting rows, at most
//    ANNOUNCE_MAILS_PER_MINUTE over any 60 seconds across every instance (an advisory lock serializes the job, and
//    the outbox's last minute is the window), and writes one outbox mail each with a fresh link token, its job
//    spaced through the minute. Rows whose candidate's consent for the purpose is no longer in force (or whose
//    opportunity was closed meanwhile) are `withheld` instead. While rows wait, the job schedules itself again for
//    when the window has room.
//
// A mail released but not yet sent is checked once more when it is sent (lib/mail/deliver.ts: payload
// consentPurpose), and a candidate deleted meanwhile takes their outbox rows with them.

export const releaseMailsTask = 'opportunities:release-mails';
/** Rows released per transaction: bounds the memory and the time of one run whatever the configured rate. */
const maxBatch = 2_000;
/** Candidates written per statement when announcing (each statement well within DATABASE_QUERY_TIMEOUT_MS). */
const announceSlice = 20_000;

export type AnnounceOutcome = { ok: true; queued: number } | { ok: false; error: 'notFound' | 'notPublished' };

/** Queue the announcement of a published opportunity to every matching candidate not told about it yet. */
export async function announceOpportunity(viewer: Viewer, opportunityId: string, context: { ipAddress: string | null }): Promise<AnnounceOutcome> {
  const actor = await authorize(viewer, 'opportunities:announce');
  if (!isUuid(opportunityId)) return { ok: false, error: 'notFound' };
  const opportunity = await opportunitySummary(opportunityId);
  if (!opportunity) return { ok: false, error: 'notFound' };
  if (opportunity.state !== 'published') return { ok: false, error: 'notPublished' };
  const queued = await db().$transaction(
    async (tx) => {
      // In slices of the candidates' primary key, so that no one statement outlasts the query timeout however many
      // match; one transaction, so the announcement is all there or not at all.
      let after = '00000000-0000-0000-0000-000000000000';
      let count = 0;
      for (;;) {
        const [slice] = await tx.$queryRaw<{ seen: number; inserted: number; last: string | null }[]>(Prisma.sql`
          WITH slice AS (
            SELECT c.id FROM candidates c
             WHERE ${matchConditionSql(opportunity)} AND c.id > ${after}::uuid
             ORDER BY c.id
             LIMIT ${announceSlice}::int
          ),
          inserted AS (
            INSERT INTO opportunity_candidates (opportunity_id, candidate_id, status, announced_at, updated_by, announce_mail)
            SELECT ${opportunity.id}::uuid, slice.id, 'announced', clock_timestamp(), ${actor.id}::uuid, 'waiting'
              FROM slice
             WHERE EXISTS (SELECT 1 FROM opportunities o WHERE o.id = ${opportunity.id}::uuid AND o.state = 'published')
            ON CONFLICT (opportunity_id, candidate_id) DO NOTHING
            RETURNING 1
          )
          SELECT (SELECT count(*) FROM slice)::int AS seen, (SELECT count(*) FROM inserted)::int AS inserted,
                 (SELECT id FROM slice ORDER BY id DESC LIMIT 1)::text AS last`);
        count += slice?.inserted ?? 0;
        if (!slice?.last || slice.seen < announceSlice) break;
        after = slice.last;
      }
      await recordAudit({ actor, action: 'opportunity.announce', details: { opportunityId: opportunity.id, queued: count }, ipAddress: context.ipAddress }, tx);
      if (count > 0) await tx.$queryRaw(scheduleReleaseSql(Prisma.sql`now()`));
      return count;
    },
    { timeout: 600_000, maxWait: 10_000 },
  );
  return { ok: true, queued };
}

/**
 * The release job, once (its key merges repeated requests). An announcement asks for it now but keeps an earlier or
 * later time already set (`preserve_run_at`: a job waiting for the rate window keeps waiting); the release itself
 * sets the time the window has room (`replace`). A job running while this is asked finishes, and the new one runs
 * after it.
 */
function scheduleReleaseSql(runAt: Prisma.Sql, mode: 'preserve_run_at' | 'replace' = 'preserve_run_at'): Prisma.Sql {
  return Prisma.sql`SELECT (graphile_worker.add_job(${releaseMailsTask}, '{}'::json, run_at => ${runAt}, job_key => ${releaseMailsTask},
                                                    job_key_mode => ${mode}, max_attempts => 25)).id`;
}

export interface ReleaseResult {
  released: number;
  withheld: number;
  /** Whether rows are still waiting after this run (the job is then scheduled again). */
  moreWaiting: boolean;
}

/** One run of the release job: see the module comment. */
export async function releaseAnnouncementMails(): Promise<ReleaseResult> {
  const perMinute = serverConfig().ANNOUNCE_MAILS_PER_MINUTE;
  const spacingSeconds = 60 / perMinute;
  const result = await db().$transaction(
    async (tx) => {
      await tx.$queryRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(${releaseMailsTask}, 0))::text`);
      const [window] = await tx.$queryRaw<{ recent: number }[]>(Prisma.sql`
        SELECT count(*)::int AS recent FROM mail_outbox
         WHERE template = 'opportunity-announcement' AND created_at > clock_timestamp() - interval '60 seconds'`);
      const budget = Math.min(maxBatch, perMinute - (window?.recent ?? 0));
      let released = 0;
      let withheld = 0;
      if (budget > 0) {
        const batch = await tx.$queryRaw<{ opportunity_id: string; candidate_id: string; eligible: boolean }[]>(Prisma.sql`
          SELECT oc.opportunity_id, oc.candidate_id,
                 (o.state = 'published' AND c.status = 'active'
                  AND c.consent_purposes @> ARRAY[CASE o.kind WHEN 'cohort' THEN ${purposeFor('cohort')} ELSE ${purposeFor('job')} END]) AS eligible
            FROM opportunity_candidates oc
            JOIN candidates c ON c.id = oc.candidate_id
            JOIN opportunities o ON o.id = oc.opportunity_id
           WHERE oc.announce_mail = 'waiting'
           ORDER BY oc.announced_at, oc.opportunity_id, oc.candidate_id
           LIMIT ${budget}::int
             FOR UPDATE OF oc SKIP LOCKED`);
        const skipped = batch.filter((row) => !row.eligible);
        if (skipped.length > 0) {
          withheld = await tx.$executeRaw(Prisma.sql`
            UPDATE opportunity_candidates oc SET announce_mail = 'withheld', updated_at = clock_timestamp()
              FROM unnest(${skipped.map((r) => r.opportunity_id)}::uuid[], ${skipped.map((r) => r.candidate_id)}::uuid[]) AS b(opportunity_id, candidate_id)
             WHERE oc.opportunity_id = b.opportunity_id AND oc.candidate_id = b.candidate_id`);
        }
        const eligible = batch.filter((row) => row.eligible);
        if (eligible.length > 0) {
          const tokens = eligible.map(() => issueToken());
          const [row] = await tx.$queryRaw<{ released: number }[]>(Prisma.sql`
            WITH batch AS (
              SELECT b.mail_id, b.opportunity_id, b.candidate_id, b.token, b.token_hash, b.position, c.email, c.locale,
                     jsonb_build_object(
                       'opportunityId', o.id, 'kind', o.kind, 'slug', o.slug,
                       'title', CASE WHEN c.locale = 'en' THEN o.title_en ELSE o.title_es END,
                       'consentPurpose', CASE o.kind WHEN 'cohort' THEN ${purposeFor('cohort')} ELSE ${purposeFor('job')} END,
                       'token', b.token) AS payload
                FROM unnest(${eligible.map(() => randomUUID())}::uuid[], ${eligible.map((r) => r.opportunity_id)}::uuid[],
                            ${eligible.map((r) => r.candidate_id)}::uuid[], ${tokens.map((t) => t.token)}::text[], ${tokens.map((t) => t.hash)}::text[])
                     WITH ORDINALITY AS b(mail_id, opportunity_id, candidate_id, token, token_hash, position)
                JOIN candidates c ON c.id = b.candidate_id
                JOIN opportunities o ON o.id = b.opportunity_id
            ),
            ${queueMailCtes({
              name: 'mail',
              from: 'batch',
              template: 'opportunity-announcement',
              id: Prisma.sql`batch.mail_id`,
              locale: Prisma.sql`batch.locale`,
              recipient: Prisma.sql`batch.email`,
              payload: Prisma.sql`batch.payload`,
              candidateId: Prisma.sql`batch.candidate_id`,
              // Spread through the minute, in the order taken: the worker sends them at the configured rate.
              runAt: Prisma.sql`now() + (row_number() OVER () - 1) * make_interval(secs => ${spacingSeconds}::float8)`,
              bulk: true,
            })},
            pairs AS (
              UPDATE opportunity_candidates oc
                 SET announce_mail = 'released', mail_id = mail.id, link_token_hash = batch.token_hash, updated_at = clock_timestamp()
                FROM mail JOIN batch ON batch.mail_id = mail.id
               WHERE oc.opportunity_id = batch.opportunity_id AND oc.candidate_id = batch.candidate_id
              RETURNING 1
            )
            -- pairs, a data-modifying CTE, runs whether read or not; mail_job, a SELECT, only when read.
            SELECT count(*)::int AS released FROM mail_job`);
          released = row?.released ?? 0;
        }
      }
      const [left] = await tx.$queryRaw<{ waiting: boolean; next_room: Date | null }[]>(Prisma.sql`
        SELECT EXISTS (SELECT 1 FROM opportunity_candidates WHERE announce_mail = 'waiting') AS waiting,
               (SELECT min(created_at) + interval '60 seconds' FROM mail_outbox
                 WHERE template = 'opportunity-announcement' AND created_at > clock_timestamp() - interval '60 seconds') AS next_room`);
      if (left?.waiting) {
        // Again when the oldest mail of the window leaves it (at once if the batch, not the rate, was the limit).
        const runAt = budget >= maxBatch ? Prisma.sql`now()` : Prisma.sql`GREATEST(now() + interval '1 second', ${left.next_room ?? new Date()}::timestamptz)`;
        await tx.$queryRaw(scheduleReleaseSql(runAt, 'replace'));
      }
      return { released, withheld, moreWaiting: left?.waiting === true };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  if (result.released || result.withheld) {
    logger.info({ event: 'opportunities.released', released: result.released, withheld: result.withheld }, 'announcement mails released to the outbox');
  }
  return result;
}

export interface AnnouncementProgress {
  total: number;
  /** Waiting for release, or in the outbox not yet sent. */
  queued: number;
  sent: number;
  failed: number;
  /** Not sent: the candidate's consent for this purpose ended before the mail went out. */
  notSent: number;
  interested: number;
}

/** Counts only (no one named): what the staff member who announced watches while the mails go out. */
export async function announcementProgress(viewer: Viewer, opportunityId: string): Promise<AnnouncementProgress | null> {
  await authorize(viewer, 'candidates:read');
  if (!isUuid(opportunityId)) return null;
  const [row] = await db().$queryRaw<AnnouncementProgress[]>(Prisma.sql`
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE oc.announce_mail = 'waiting' OR m.status = 'queued')::int AS queued,
           count(*) FILTER (WHERE m.status = 'sent')::int AS sent,
           count(*) FILTER (WHERE m.status = 'failed')::int AS failed,
           count(*) FILTER (WHERE oc.announce_mail = 'withheld' OR m.status = 'skipped')::int AS "notSent",
           count(*) FILTER (WHERE oc.interested_at IS NOT NULL)::int AS interested
      FROM opportunity_candidates oc
      LEFT JOIN mail_outbox m ON m.id = oc.mail_id
     WHERE oc.opportunity_id = ${opportunityId}::uuid`);
  return row ?? null;
}
