import { afterEach, describe, expect, it } from 'vitest';
import { announceOpportunity, announcementProgress, releaseAnnouncementMails } from '@/lib/opportunities/announce';
import { startJobWorker, type JobWorker } from '@/lib/jobs/worker';
import { perTestDatabase } from '../support/test-database.ts';
import { eventually, outboxStatuses, perTestMailServer } from '../support/mail.ts';
import { createStaff, signedIn } from '../support/staff-fixtures.ts';
import { insertOpportunity } from '../support/opportunities.ts';
import { seedCandidates } from '../../scripts/lib/seed-candidates.ts';

// An announcement end to end on real PostgreSQL and a real SMTP server: 10,000 matching candidates queued once,
// released into the outbox, delivered by two job workers at once; candidates who withdrew consent before the
// release or after it (but before their mail went out) are not written to.

const testDb = perTestDatabase();
// Counting only (no parsing): every message the server accepted is counted, so a mail sent twice shows as one more
// received than rows sent. What the mail says is checked in opportunities.integration.test.ts.
const mail = perTestMailServer({ keep: false });
const workers: JobWorker[] = [];

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  delete process.env.ANNOUNCE_MAILS_PER_MINUTE;
});

const count = 10_000;

describe('announcing to 10,000 candidates', () => {
  it('queues 10,000 mails once, skips the revoked, and two workers send each of the others exactly once', async () => {
    const account = await createStaff('staff');
    const { viewer } = await signedIn(account.email);
    await seedCandidates(testDb, count);
    const opportunity = await insertOpportunity(testDb, { kind: 'cohort', titleEn: 'English for contact centers', titleEs: 'Inglés para contact center' });
    process.env.ANNOUNCE_MAILS_PER_MINUTE = '1000000';

    expect(await announceOpportunity(viewer, opportunity, { ipAddress: null })).toEqual({ ok: true, queued: count });
    expect(await announceOpportunity(viewer, opportunity, { ipAddress: null })).toEqual({ ok: true, queued: 0 });
    expect(await testDb.query(`SELECT count(*)::int AS n FROM opportunity_candidates WHERE announce_mail = 'waiting'`)).toEqual([{ n: count }]);

    // 100 withdraw consent before their mail is released...
    const before = await testDb.query<{ id: string; email: string }>(
      `UPDATE candidates SET status = 'revoked', consent_purposes = ARRAY[]::text[] WHERE email ~ '^bulk[0-9]*00@' RETURNING id, email`,
    );
    expect(before).toHaveLength(100);
    let released = 0;
    let withheld = 0;
    for (;;) {
      const run = await releaseAnnouncementMails();
      released += run.released;
      withheld += run.withheld;
      if (!run.moreWaiting) break;
    }
    expect({ released, withheld }).toEqual({ released: count - 100, withheld: 100 });
    expect(await testDb.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE template = 'opportunity-announcement'`)).toEqual([{ n: count - 100 }]);
    expect(await testDb.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'mail:send'`)).toEqual([{ n: count - 100 }]);
    // ...another 100 after it was released, before it is sent (one of them by deleting their data altogether).
    const after = await testDb.query<{ id: string; email: string }>(
      `UPDATE candidates SET status = 'revoked', consent_purposes = ARRAY[]::text[] WHERE email ~ '^bulk([0-9]*01|1)@' RETURNING id, email`,
    );
    expect(after).toHaveLength(100);
    await testDb.query(`DELETE FROM candidates WHERE id = $1`, [after[0]!.id]);
    // Releasing again finds nothing to do: nobody is queued twice.
    expect(await releaseAnnouncementMails()).toEqual({ released: 0, withheld: 0, moreWaiting: false });

    workers.push(
      ...(await Promise.all([
        startJobWorker({ connectionString: testDb.url, concurrency: 4 }),
        startJobWorker({ connectionString: testDb.url, concurrency: 4 }),
      ])),
    );
    await eventually(async () => (await outboxStatuses(testDb)).queued === undefined, 240_000, 'every announcement mail sent or skipped');
    expect(await outboxStatuses(testDb)).toEqual({ sent: count - 200, skipped: 99 });
    await new Promise((r) => setTimeout(r, 1_000));

    expect(mail.server.received()).toBe(count - 200);
    // Nobody who withdrew consent has a mail sent, and everyone else has exactly one.
    const revoked = [...before, ...after].map((c) => c.id);
    expect(await testDb.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'sent' AND candidate_id = ANY($1::uuid[])`, [revoked])).toEqual([{ n: 0 }]);
    expect(await testDb.query(`SELECT count(DISTINCT candidate_id)::int AS n FROM mail_outbox WHERE status = 'sent'`)).toEqual([{ n: count - 200 }]);
    // Sent mails keep no token; the staff page's counts add up.
    expect(await testDb.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE payload ? 'token'`)).toEqual([{ n: 0 }]);
    expect(await announcementProgress(viewer, opportunity)).toEqual({ total: count - 1, queued: 0, sent: count - 200, failed: 0, notSent: 199, interested: 0 });
  }, 480_000);
});
