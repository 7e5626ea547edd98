import 'server-only';
import { db, Prisma } from '@/lib/db/client';
import { serverConfig } from '@/lib/config/env';
import { recordAudit } from '@/lib/audit/record';
import { logger } from '@/lib/log';

// The scheduled clean-up (graphile-worker's crontab, lib/jobs/worker.ts): sign-ups never confirmed within
// SIGNUP_PENDING_RETENTION_DAYS are deleted with their evidence (submission, consent, links, mails), and links
// long expired go too. A candidate who never confirmed anything and has no recent sign-up goes whole; a
// confirmed candidate only loses the pending submissions that were never confirmed.

export interface PurgeResult {
  candidates: number;
  submissions: number;
  tokens: number;
}

export async function purgePendingSignUps(now = new Date()): Promise<PurgeResult> {
  const days = serverConfig().SIGNUP_PENDING_RETENTION_DAYS;
  const cutoff = Prisma.sql`(${now}::timestamptz - make_interval(days => ${days}::int))`;
  const result = await db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<PurgeResult[]>(Prisma.sql`
      WITH old_candidates AS (
        DELETE FROM candidates c
         WHERE c.status = 'pending'
           AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.candidate_id = c.id AND (s.created_at >= ${cutoff} OR NOT s.pending))
        RETURNING c.id
      ),
      old_submissions AS (
        DELETE FROM submissions s
         WHERE s.pending AND s.created_at < ${cutoff}
           AND s.candidate_id NOT IN (SELECT id FROM old_candidates)
        RETURNING s.id
      ),
      old_tokens AS (
        DELETE FROM candidate_tokens t
         WHERE t.expires_at < ${now}::timestamptz - interval '1 day'
           AND t.candidate_id NOT IN (SELECT id FROM old_candidates)
        RETURNING t.id
      )
      SELECT (SELECT count(*)::int FROM old_candidates) AS candidates,
             (SELECT count(*)::int FROM old_submissions) AS submissions,
             (SELECT count(*)::int FROM old_tokens) AS tokens`);
    const counts = row ?? { candidates: 0, submissions: 0, tokens: 0 };
    if (counts.candidates + counts.submissions > 0) {
      await recordAudit({ actor: null, action: 'candidates.purge-pending', details: { ...counts, retentionDays: days } }, tx);
    }
    return counts;
  });
  logger.info({ event: 'jobs.purge_pending', ...result }, 'pending sign-ups purged');
  return result;
}
