import 'server-only';
import { db, Prisma } from '@/lib/db/client';
import { retentionSettings, type RetentionSettings } from './settings';
import { recordAudit } from '@/lib/audit/record';
import { errorSummary, logger } from '@/lib/log';

// Retention: the daily job (graphile-worker's crontab, lib/jobs/worker.ts) that deletes what the privacy policy
// says is no longer kept, each rule with its own configurable period (lib/config/env.ts, docs/operations.md). All
// rules run in one transaction with the run's log row (retention_runs): a run is either recorded with exactly what
// it deleted, or changed nothing (and its failure is recorded on a row of its own).
//
// Pending sign-ups never confirmed have their own hourly purge (lib/candidates/purge.ts).

export const retentionRules = [
  'revokedCandidates',
  'earlierSubmissions',
  'signInAttempts',
  'staffSessions',
  'candidateLinks',
  'rateLimits',
] as const;
export type RetentionRule = (typeof retentionRules)[number];
export type RetentionCounts = Record<RetentionRule, number>;

type Tx = Prisma.TransactionClient;

function daysBefore(now: Date, days: number): Prisma.Sql {
  return Prisma.sql`(${now}::timestamptz - make_interval(days => ${days}::int))`;
}

async function count(tx: Tx, sql: Prisma.Sql): Promise<number> {
  const [row] = await tx.$queryRaw<{ n: number }[]>(sql);
  return row?.n ?? 0;
}

/**
 * Candidates who revoked every consent more than `revokedDays` ago (and signed up for nothing since): deleted with
 * everything held about them (cascade), leaving a revocation proof and an audit event each.
 */
function revokedCandidates(tx: Tx, now: Date, settings: RetentionSettings, runId: bigint): Promise<number> {
  const cutoff = daysBefore(now, settings.revokedDays);
  return count(tx, Prisma.sql`
    WITH due AS (
      SELECT c.id, COALESCE(w.created_at, k.revoked_at, c.updated_at) AS received_at, w.source, COALESCE(w.purposes, '{}') AS purposes
        FROM candidates c
        LEFT JOIN LATERAL (
          SELECT w.created_at, w.source, w.purposes FROM consent_withdrawals w
           WHERE w.candidate_id = c.id ORDER BY w.created_at DESC, w.id DESC LIMIT 1
        ) w ON TRUE
        LEFT JOIN LATERAL (SELECT max(k.revoked_at) AS revoked_at FROM consents k WHERE k.candidate_id = c.id) k ON TRUE
       WHERE c.status = 'revoked'
         AND COALESCE(w.created_at, k.revoked_at, c.updated_at) < ${cutoff}
         AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.candidate_id = c.id AND s.created_at >= ${cutoff})
    ),
    proof AS (
      INSERT INTO revocation_proofs (candidate_id, revocation_received_at, revocation_source, purposes, deleted_at, retention_run_id)
      SELECT id, received_at, source, purposes, ${now}::timestamptz, ${runId}::bigint FROM due
      RETURNING candidate_id
    ),
    audit AS (
      INSERT INTO audit_events (action, details, created_at)
      SELECT 'candidate.retention-delete',
             jsonb_build_object('candidateId', id, 'revocationReceivedAt', received_at, 'retentionRunId', ${runId}::bigint),
             ${now}::timestamptz
        FROM due
      RETURNING id
    ),
    gone AS (DELETE FROM candidates c USING due WHERE c.id = due.id RETURNING c.id)
    SELECT (SELECT count(*)::int FROM gone) AS n, (SELECT count(*) FROM proof) AS proofs, (SELECT count(*) FROM audit) AS audited`);
}

/**
 * A candidate's earlier submissions (older answers, with earlier addresses and phones) older than the period. The
 * current one stays, and so does the one whose consent the export reads as in force, with that consent.
 */
function earlierSubmissions(tx: Tx, now: Date, settings: RetentionSettings): Promise<number> {
  const cutoff = Prisma.sql`(${now}::timestamptz - make_interval(months => ${settings.submissionsMonths}::int))`;
  return count(tx, Prisma.sql`
    WITH gone AS (
      DELETE FROM submissions s
       WHERE NOT s.pending
         AND s.created_at < ${cutoff}
         AND EXISTS (
           SELECT 1 FROM submissions n
            WHERE n.candidate_id = s.candidate_id AND NOT n.pending AND (n.created_at, n.id) > (s.created_at, s.id))
         AND s.id IS DISTINCT FROM (
           SELECT k.submission_id FROM consents k JOIN submissions ks ON ks.id = k.submission_id
            WHERE k.candidate_id = s.candidate_id AND NOT ks.pending
            ORDER BY k.given_at DESC, k.id DESC LIMIT 1)
      RETURNING s.id
    )
    SELECT count(*)::int AS n FROM gone`);
}

function signInAttempts(tx: Tx, now: Date, settings: RetentionSettings): Promise<number> {
  return count(tx, Prisma.sql`
    WITH gone AS (DELETE FROM login_attempts WHERE created_at < ${daysBefore(now, settings.signInAttemptsDays)} RETURNING id)
    SELECT count(*)::int AS n FROM gone`);
}

/** Staff sessions that ended (expired or signed out) more than the period ago. */
function staffSessions(tx: Tx, now: Date, settings: RetentionSettings): Promise<number> {
  const cutoff = daysBefore(now, settings.staffSessionsDays);
  return count(tx, Prisma.sql`
    WITH gone AS (DELETE FROM staff_sessions WHERE expires_at < ${cutoff} OR revoked_at < ${cutoff} RETURNING id)
    SELECT count(*)::int AS n FROM gone`);
}

/** Mailed links (confirmation, My data) and My data sessions expired (or closed) more than the period ago. */
function candidateLinks(tx: Tx, now: Date, settings: RetentionSettings): Promise<number> {
  const cutoff = daysBefore(now, settings.candidateLinksDays);
  return count(tx, Prisma.sql`
    WITH tokens AS (DELETE FROM candidate_tokens WHERE expires_at < ${cutoff} RETURNING id),
         sessions AS (DELETE FROM candidate_sessions WHERE expires_at < ${cutoff} OR revoked_at < ${cutoff} RETURNING id)
    SELECT ((SELECT count(*) FROM tokens) + (SELECT count(*) FROM sessions))::int AS n`);
}

/** Rate-limit counters (their keys hash a client address) whose window ended more than the period ago. */
function rateLimits(tx: Tx, now: Date, settings: RetentionSettings): Promise<number> {
  return count(tx, Prisma.sql`
    WITH gone AS (
      DELETE FROM rate_limits
       WHERE expire < (extract(epoch FROM ${now}::timestamptz) * 1000)::bigint - ${settings.rateLimitHours * 3_600_000}::bigint
      RETURNING key
    )
    SELECT count(*)::int AS n FROM gone`);
}

export interface RetentionRunResult {
  runId: bigint;
  counts: RetentionCounts;
}

/** One retention run at `now` (tests pass their own clock). */
export async function runRetention(now = new Date(), settings: RetentionSettings = retentionSettings()): Promise<RetentionRunResult> {
  try {
    const result = await db().$transaction(
      async (tx) => {
        const run = await tx.retentionRun.create({ data: { startedAt: now, settings }, select: { id: true } });
        const counts: RetentionCounts = {
          revokedCandidates: await revokedCandidates(tx, now, settings, run.id),
          earlierSubmissions: await earlierSubmissions(tx, now, settings),
          signInAttempts: await signInAttempts(tx, now, settings),
          staffSessions: await staffSessions(tx, now, settings),
          candidateLinks: await candidateLinks(tx, now, settings),
          rateLimits: await rateLimits(tx, now, settings),
        };
        await tx.retentionRun.update({ where: { id: run.id }, data: { counts, finishedAt: new Date() }, select: { id: true } });
        await recordAudit({ actor: null, action: 'retention.run', details: { retentionRunId: Number(run.id), ...counts } }, tx);
        return { runId: run.id, counts };
      },
      { timeout: 10 * 60_000, maxWait: 30_000 },
    );
    logger.info({ event: 'jobs.retention', ...result.counts }, 'retention run finished');
    return result;
  } catch (error) {
    const summary = errorSummary(error);
    await db()
      .retentionRun.create({
        data: { startedAt: now, finishedAt: new Date(), settings, error: `${String(summary.type)}${summary.code ? `:${String(summary.code)}` : ''}` },
        select: { id: true },
      })
      .catch(() => {});
    throw error;
  }
}

