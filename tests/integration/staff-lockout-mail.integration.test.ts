// The person whose account gets locked hears of it: one mail, queued with the lock, delivered over a real SMTP
// server, saying until when and from which addresses the attempts came.
import { afterEach, describe, expect, it } from 'vitest';
import { startJobWorker, type JobWorker } from '@/lib/jobs/worker';
import { failuresBeforeLockout } from '@/lib/staff/config';
import { signIn } from '@/lib/staff/sign-in';
import { perTestDatabase } from '../support/test-database.ts';
import { eventually, perTestMailServer } from '../support/mail.ts';
import { createStaff } from '../support/staff-fixtures.ts';

const testDb = perTestDatabase();
const mail = perTestMailServer();

let worker: JobWorker | undefined;
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});

async function lockoutRows() {
  return testDb.query<{ recipient: string; locale: string; status: string; payload: Record<string, unknown> }>(
    `SELECT recipient, locale, status::text, payload FROM mail_outbox WHERE template = 'staff-lockout'`,
  );
}

describe('the lockout mail', () => {
  it('is queued with the lock and tells the person, in the page’s language, until when and from which addresses', async () => {
    const staff = await createStaff('staff');
    for (let i = 1; i <= failuresBeforeLockout; i++) {
      await signIn({ email: staff.email, password: `wrong password ${i}` }, { ipAddress: `203.0.113.${i}`, userAgent: 'x', locale: 'en' });
    }
    // Queued in the lock's own transaction: there before any worker runs.
    expect(await lockoutRows()).toMatchObject([{ recipient: staff.email, locale: 'en', status: 'queued' }]);

    worker = await startJobWorker({ connectionString: testDb.url, concurrency: 1 });
    const received = await mail.server.waitFor((m) => m.envelope.to.includes(staff.email));
    expect(received.subject).toBe('Your Bilingual Talent staff account was locked against unknown browsers');
    for (let i = 1; i <= failuresBeforeLockout; i++) expect(received.text).toContain(`203.0.113.${i}`);
    expect(received.text).toContain('(Colombia time)');
    // The candidates' footer (My data) is not for staff.
    expect(received.text).not.toContain('/my-data');

    await eventually(async () => (await lockoutRows())[0]?.status === 'sent', 10_000, 'lockout mail sent');
    // The client addresses are kept only until the mail has gone.
    expect((await lockoutRows())[0]!.payload).not.toHaveProperty('attempts');
  }, 120_000);

  it('a burst of 30 concurrent wrong passwords locks the account once and sends one mail', async () => {
    const staff = await createStaff('staff');
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => signIn({ email: staff.email, password: `guess ${i} wrong` }, { ipAddress: `198.51.100.${i + 1}`, userAgent: 'burst' })),
    );
    const rows = await lockoutRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ recipient: staff.email, locale: 'es' });
    const [{ n }] = (await testDb.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'staff.lockout'`)) as [{ n: number }];
    expect(n).toBe(1);
  }, 120_000);
});
