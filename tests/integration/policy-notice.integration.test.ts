import { afterEach, describe, expect, it } from 'vitest';
import { appCrontab, startJobWorker, type JobWorker } from '@/lib/jobs/worker';
import { policyNoticeTask, queuePolicyNotices } from '@/lib/consent/policy-change';
import { privacyPolicy } from '@/lib/consent/policy';
import { perTestDatabase } from '../support/test-database.ts';
import { eventually, outboxStatuses, perTestMailServer } from '../support/mail.ts';
import { insertCandidates } from '../support/staff-fixtures.ts';

const testDb = perTestDatabase();
const mail = perTestMailServer();
const workers: JobWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});

async function arrange() {
  const ids = await insertCandidates(testDb, [
    { email: 'ana@example.com', fullName: 'Ana', locale: 'es' },
    { email: 'john@example.com', fullName: 'John', locale: 'en' },
    { email: 'luz@example.com', fullName: 'Luz', locale: 'es' },
    { email: 'revoked@example.com', fullName: 'Revocó', revoked: true },
    { email: 'new@example.com', fullName: 'Signed up under the new version', locale: 'en' },
  ]);
  // The last one accepted the version in force when signing up: they already read it.
  await testDb.query(`UPDATE consents SET policy_version = $1 WHERE candidate_id = $2`, [privacyPolicy.version, ids[4]]);
  return ids;
}

describe('mail announcing a new privacy policy version', () => {
  it('is scheduled, and queued once per active candidate and version in their language even when the job runs twice in two workers', async () => {
    expect(appCrontab(1)).toContain(policyNoticeTask);
    const ids = await arrange();
    // Two runs of the scheduled task at once, in two workers, and one more straight after.
    await testDb.query(`SELECT graphile_worker.add_job($1), graphile_worker.add_job($1)`, [policyNoticeTask]);
    workers.push(...(await Promise.all([startJobWorker({ connectionString: testDb.url, concurrency: 2, crontab: '' }), startJobWorker({ connectionString: testDb.url, concurrency: 2, crontab: '' })])));
    await eventually(async () => (await outboxStatuses(testDb)).sent === 3, 60_000, 'three mails sent');
    await eventually(async () => (await testDb.query(`SELECT 1 FROM graphile_worker.jobs`)).length === 0, 30_000, 'jobs done');
    expect(await queuePolicyNotices()).toBe(0);
    await new Promise((r) => setTimeout(r, 1_000));

    const mails = mail.server.mails();
    expect(mails.map((m) => m.envelope.to[0]).sort()).toEqual(['ana@example.com', 'john@example.com', 'luz@example.com']);
    const byRecipient = Object.fromEntries(mails.map((m) => [m.envelope.to[0], m]));
    expect(byRecipient['ana@example.com']!.subject).toMatch(/^Nuestra política de privacidad cambia el 18 de diciembre de 2026/);
    expect(byRecipient['john@example.com']!.subject).toMatch(/^Our privacy policy changes on December 18, 2026/);
    expect(byRecipient['john@example.com']!.text).toContain(`Version ${privacyPolicy.version}`);
    expect(byRecipient['john@example.com']!.text).toContain('/en/privacy');
    expect(await testDb.query(`SELECT candidate_id, policy_version FROM policy_notices_sent ORDER BY candidate_id`)).toEqual(
      [ids[0], ids[1], ids[2]].sort().map((id) => ({ candidate_id: id, policy_version: privacyPolicy.version })),
    );
    expect(await testDb.query(`SELECT details FROM audit_events WHERE action = 'privacy.policy-notice'`)).toEqual([
      { details: { version: privacyPolicy.version, queued: 3 } },
    ]);
  }, 120_000);

  it('queues nothing twice when runs overlap batch by batch, and a later version is mailed again', async () => {
    await arrange();
    const next = { version: '9.0', existingCandidatesFrom: '2027-06-01' };
    const runs = await Promise.all([queuePolicyNotices(next, { batchSize: 1 }), queuePolicyNotices(next, { batchSize: 1 }), queuePolicyNotices(next, { batchSize: 2 })]);
    // Every active candidate (the one who accepted 2.0 too: not 9.0), once.
    expect(runs.reduce((a, b) => a + b, 0)).toBe(4);
    expect(await queuePolicyNotices(next)).toBe(0);
    const rows = await testDb.query<{ recipient: string; n: number }>(
      `SELECT recipient, count(*)::int AS n FROM mail_outbox WHERE template = 'policy-change' AND payload->>'version' = '9.0' GROUP BY 1 ORDER BY 1`,
    );
    expect(rows).toEqual(['ana@example.com', 'john@example.com', 'luz@example.com', 'new@example.com'].map((recipient) => ({ recipient, n: 1 })));
    expect(await testDb.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'mail:send'`)).toEqual([{ n: 4 }]);
    // A candidate deleted meanwhile takes their row with them; one who revoked gets nothing.
    expect(await testDb.query(`SELECT count(*)::int AS n FROM policy_notices_sent WHERE policy_version = '9.0'`)).toEqual([{ n: 4 }]);
  });
});
