import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { queueMail } from '@/lib/mail/outbox';
import { startJobWorker, type JobWorker } from '@/lib/jobs/worker';
import { perTestDatabase } from '../support/test-database.ts';
import { eventually, outboxStatuses, perTestMailServer } from '../support/mail.ts';

const testDb = perTestDatabase();
const mail = perTestMailServer({ refuseRecipient: (address) => address.startsWith('nobody@') });

const workers: JobWorker[] = [];
async function worker(concurrency = 2): Promise<JobWorker> {
  const started = await startJobWorker({ connectionString: testDb.url, concurrency });
  workers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});

const token = 'A'.repeat(43);
function confirmation(recipient: string, locale: 'es' | 'en' = 'es') {
  return { template: 'confirm-sign-up' as const, locale, recipient, payload: { token, validDays: 7 } };
}

async function row(id: string) {
  const [found] = await testDb.query<{ status: string; attempts: number; payload: Record<string, unknown>; message_id: string | null; last_error_code: string | null; sent_at: Date | null }>(
    `SELECT status::text, attempts, payload, message_id, last_error_code, sent_at FROM mail_outbox WHERE id = $1`,
    [id],
  );
  return found!;
}

describe('mail outbox', () => {
  it('a queued mail is delivered exactly once, in its language, with both parts and the link to My data, and its token erased', async () => {
    const id = await queueMail(db(), confirmation('ana@example.com', 'en'));
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 0, payload: { token } });
    await worker();
    const received = await mail.server.waitFor((m) => m.envelope.to.includes('ana@example.com'));
    await eventually(async () => (await row(id)).status === 'sent', 10_000, 'outbox row sent');

    expect(received.subject).toBe('Confirm your sign-up to Bilingual Talent');
    expect(received.headers['x-outbox-id']).toBe(id);
    expect(received.text).toContain(`/en/confirm?token=${token}`);
    expect(received.html).toContain(`/en/confirm?token=${token}`);
    expect(received.text).toContain('/en/my-data');
    expect(received.text).toContain('Invest Pacific');
    const sent = await row(id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, last_error_code: null, payload: { validDays: 7 } });
    expect(sent.payload).not.toHaveProperty('token');
    expect(sent.message_id).toMatch(/@/);
    // Give a second delivery every chance to happen: it must not.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(mail.server.received()).toBe(1);
  });

  it('a Spanish mail is written in Spanish', async () => {
    await queueMail(db(), confirmation('maria@example.com', 'es'));
    await worker();
    const received = await mail.server.waitFor((m) => m.envelope.to.includes('maria@example.com'));
    expect(received.subject).toBe('Confirma tu inscripción en Talento Bilingüe');
    expect(received.text).toContain('/es/my-data');
  });

  it('with the SMTP server down, mails wait in the outbox and all go out once it is back', async () => {
    await mail.server.stopSmtp();
    const ids = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((n) => queueMail(db(), confirmation(`${n}@example.com`))));
    await worker();
    // Each has failed at least once, and is still queued (not lost, not failed).
    await eventually(async () => {
      const rows = await Promise.all(ids.map(row));
      return rows.every((r) => r.attempts >= 1 && r.status === 'queued' && r.last_error_code !== null);
    }, 20_000, 'first attempts to fail');
    expect((await row(ids[0]!)).last_error_code).toMatch(/^E[A-Z]+/);
    expect(mail.server.received()).toBe(0);

    await mail.server.startSmtp();
    await eventually(async () => (await outboxStatuses(testDb)).sent === 5, 45_000, 'every mail sent after the outage');
    expect(mail.server.received()).toBe(5);
    expect(new Set(mail.server.mails().map((m) => m.headers['x-outbox-id']))).toEqual(new Set(ids));
  }, 90_000);

  it('two workers deliver 200 mails with no duplicate', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) ids.push(await queueMail(db(), confirmation(`person${i}@example.com`)));
    await Promise.all([worker(4), worker(4)]);
    await eventually(async () => (await outboxStatuses(testDb)).sent === 200, 60_000, 'all 200 sent');
    await new Promise((r) => setTimeout(r, 1_000));
    const outboxIds = mail.server.mails().map((m) => m.headers['x-outbox-id']);
    expect(outboxIds).toHaveLength(200);
    expect(new Set(outboxIds).size).toBe(200);
  }, 90_000);

  it('a job that runs again for a mail already sent sends nothing', async () => {
    const id = await queueMail(db(), confirmation('twice@example.com'));
    // A second job for the same row, as a retry after a crash would be.
    await testDb.query(`SELECT graphile_worker.add_job('mail:send', json_build_object('outboxId', $1::uuid))`, [id]);
    await worker(2);
    await eventually(async () => (await testDb.query(`SELECT 1 FROM graphile_worker.jobs`)).length === 0, 15_000, 'both jobs done');
    expect(mail.server.received()).toBe(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('a mail queued in a transaction that rolls back is neither stored nor sent', async () => {
    await expect(
      db().$transaction(async (tx) => {
        await queueMail(tx, confirmation('rolledback@example.com'));
        throw new Error('the cause of the mail failed');
      }),
    ).rejects.toThrow('the cause of the mail failed');
    expect(await testDb.query(`SELECT id FROM mail_outbox`)).toEqual([]);
    expect(await testDb.query(`SELECT id FROM graphile_worker.jobs`)).toEqual([]);
  });

  it('an address the server refuses for good ends as failed, without retries', async () => {
    const id = await queueMail(db(), confirmation('nobody@example.com'));
    await worker();
    await eventually(async () => (await row(id)).status === 'failed', 15_000, 'row failed');
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 1, last_error_code: 'EENVELOPE:550' });
    await eventually(async () => (await testDb.query(`SELECT 1 FROM graphile_worker.jobs`)).length === 0, 5_000, 'job done');
  });
});
