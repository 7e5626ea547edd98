import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** What axe checks on public pages: WCAG 2.2 A and AA, best practices and the experimental rules. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental'];

export interface E2eState {
  databaseUrl: string;
  baseUrl: string;
  /** Staff accounts seeded by tests/support/staff-e2e-seed.ts. */
  staff: { admin: { email: string; password: string }; staff: { email: string; password: string } };
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
