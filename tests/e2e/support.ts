import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** What axe checks on public pages: WCAG 2.2 A and AA, best practices and the experimental rules. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental'];

export interface E2eState {
  databaseUrl: string;
  baseUrl: string;
  /** The mail catcher the e2e server delivers to (its JSON at /api/messages). */
  mailUrl: string;
  /** Staff accounts seeded by tests/support/staff-e2e-seed.ts. */
  staff: { admin: { email: string; password: string }; staff: { email: string; password: string } };
  /** Bearer token for POST /api/talent-pool/revalidate. */
  talentPoolToken: string;
}

export function e2eState(): E2eState {
  return JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../.data/e2e-state.json'), 'utf8'));
}

/** Query the database the e2e server uses, to check what the app stored. */
export async function queryDb<R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]) {
  const client = new pg.Client({ connectionString: e2eState().databaseUrl });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export interface CaughtMail {
  id: number;
  envelope: { to: string[] };
  subject: string;
  text: string;
  html: string;
}

/** The newest mail to `recipient` whose subject matches, as the e2e server's SMTP server received it. */
export async function mailTo(recipient: string, subject: RegExp, timeoutMs = 30_000): Promise<CaughtMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = (await (await fetch(`${e2eState().mailUrl}/api/messages`)).json()) as CaughtMail[];
    const found = mails.filter((m) => m.envelope.to.includes(recipient) && subject.test(m.subject)).at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail to ${recipient} matching ${subject} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The path and query of the first link in a mail's text that goes to `path` on the site. */
export function linkIn(mail: CaughtMail, path: string): string {
  const match = new RegExp(`https?://[^\\s]+(${path.replace(/[/?]/g, (c) => `\\${c}`)}\\?token=[A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in the mail`);
  return match[1]!;
}

/**
 * The query parameters every export must carry: the partner organization it is for (one made for the tests, kept
 * from run to run) and its purpose.
 */
export async function exportRecipient(): Promise<string> {
  const [partner] = await queryDb<{ id: string }>(
    `INSERT INTO partner_organizations (name, kind, country, receives_as) VALUES ('E2E Empleador de prueba', 'employer', 'CO', 'processor')
     ON CONFLICT ((lower(name))) DO UPDATE SET archived_at = NULL RETURNING id`,
  );
  return `organization=${partner!.id}&purpose=${encodeURIComponent('Prueba de extremo a extremo')}`;
}
