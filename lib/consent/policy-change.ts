import 'server-only';
import { db, Prisma } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';
import { queueMailCtes } from '@/lib/mail/outbox';
import { privacyPolicy } from './policy';

// A new privacy policy version is announced to the candidates who consented under an earlier one before it applies
// to them (privacyPolicy.existingCandidatesFrom; the policy promises it: lib/consent/policy-text.ts). A scheduled job
// (lib/jobs/worker.ts) queues one mail per active candidate and version, in their language, through the outbox.
//
// Set-based and idempotent: each batch is one statement that claims candidates in policy_notices_sent (primary key
// candidate and version, ON CONFLICT DO NOTHING) and queues a mail for exactly the rows it claimed. A second run, a
// retry or another worker at the same moment claims nothing already claimed: the second waits on the first's
// uncommitted rows, then skips them.

export const policyNoticeTask = 'privacy:policy-notice';
const batchSize = 1_000;

/** Queue the mails still due for `version`; returns how many were queued. */
export async function queuePolicyNotices(
  policy: { version: string; existingCandidatesFrom: string } = privacyPolicy,
  options: { batchSize?: number } = {},
): Promise<number> {
  const limit = options.batchSize ?? batchSize;
  let total = 0;
  for (;;) {
    const [row] = await db().$queryRaw<{ n: number }[]>(Prisma.sql`
      WITH due AS (
        SELECT c.id FROM candidates c
         WHERE c.status = 'active'
           -- Who accepted this version when signing up (or updating) already read it.
           AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.candidate_id = c.id AND k.policy_version = ${policy.version} AND k.revoked_at IS NULL)
           AND NOT EXISTS (SELECT 1 FROM policy_notices_sent p WHERE p.candidate_id = c.id AND p.policy_version = ${policy.version})
         ORDER BY c.id
         LIMIT ${limit}
      ),
      claimed AS (
        INSERT INTO policy_notices_sent (candidate_id, policy_version)
        SELECT id, ${policy.version} FROM due
        ON CONFLICT DO NOTHING
        RETURNING candidate_id
      ),
      recipient AS (
        SELECT c.id, c.email, c.locale FROM claimed JOIN candidates c ON c.id = claimed.candidate_id
      ),
      ${queueMailCtes({
        name: 'mail',
        from: 'recipient',
        template: 'policy-change',
        locale: Prisma.sql`recipient.locale`,
        recipient: Prisma.sql`recipient.email`,
        payload: Prisma.sql`json_build_object('version', ${policy.version}::text, 'effectiveFrom', ${policy.existingCandidatesFrom}::text)::text`,
        candidateId: Prisma.sql`recipient.id`,
      })}
      SELECT (SELECT count(*)::int FROM mail_job) AS n, (SELECT count(*)::int FROM due) AS due`);
    const queued = row?.n ?? 0;
    total += queued;
    // A batch that claimed nothing while rows were due lost them to another worker: look again until none is due.
    if ((row as { due?: number } | undefined)?.due === 0) break;
  }
  if (total > 0) {
    await recordAudit({ actor: null, action: 'privacy.policy-notice', details: { version: policy.version, queued: total } });
  }
  return total;
}
