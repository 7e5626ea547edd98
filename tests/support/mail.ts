// The receiving end of integration tests: a real SMTP server (the same catcher `npm start` runs), and helpers to
// wait for the outbox to settle.
import { afterEach, beforeEach } from 'vitest';
import { closeMailTransport } from '@/lib/mail/transport';
import { startMailCatcher, type MailCatcher, type MailCatcherOptions } from '../../scripts/lib/mail-catcher.ts';
import type { TestDatabase } from './test-database.ts';

/** A fresh SMTP server per test; SMTP_URL points at it while the test runs. */
export function perTestMailServer(options: MailCatcherOptions = {}): { readonly server: MailCatcher } {
  let server: MailCatcher | undefined;
  beforeEach(async () => {
    server = await startMailCatcher(options);
    process.env.SMTP_URL = server.smtpUrl;
  });
  afterEach(async () => {
    closeMailTransport();
    await server?.close();
    server = undefined;
    delete process.env.SMTP_URL;
  });
  return {
    get server() {
      if (!server) throw new Error('perTestMailServer: only available inside a test');
      return server;
    },
  };
}

/** Poll `check` until it returns true, or fail after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 30_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function outboxStatuses(testDb: TestDatabase): Promise<Record<string, number>> {
  const rows = await testDb.query<{ status: string; n: number }>(`SELECT status::text, count(*)::int AS n FROM mail_outbox GROUP BY 1`);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
