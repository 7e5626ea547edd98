// Gives each integration test its own database, copied from the migrated template, and points the app's
// data layer (lib/db) at it through DATABASE_URL.
import { afterEach, beforeEach, inject } from 'vitest';
import pg from 'pg';
import { disconnectDb } from '@/lib/db/client';
import { cloneDatabase, databaseUrl, dropDatabase } from './postgres.ts';

export interface TestDatabase {
  /** URL of this test's database. */
  readonly url: string;
  /** Run SQL directly, bypassing the app: for arranging data and checking what was stored. */
  query<R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

export function perTestDatabase(): TestDatabase {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  let name: string | undefined;
  let pool: pg.Pool | undefined;

  beforeEach(async () => {
    // Staff sign in with a password alone unless a test asks for a second factor (STAFF_MFA=admins is the
    // default in production; tests/integration/staff-mfa.integration.test.ts proves what it does).
    process.env.STAFF_MFA = 'optional';
    name = await cloneDatabase(adminUrl, template, 'bt_it_t');
    process.env.DATABASE_URL = databaseUrl(adminUrl, name);
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    // pool.end() resolves before its connections have closed, so the DROP DATABASE … WITH (FORCE) after a test can
    // still terminate one; an idle client then reports it through the pool, which must not crash the test run.
    pool.on('error', () => {});
  });

  afterEach(async () => {
    await disconnectDb();
    await pool?.end();
    pool = undefined;
    if (name) await dropDatabase(adminUrl, name);
    name = undefined;
    delete process.env.DATABASE_URL;
    delete process.env.STAFF_MFA;
  });

  return {
    get url() {
      if (!name) throw new Error('perTestDatabase: only available inside a test');
      return databaseUrl(adminUrl, name);
    },
    async query(sql, params) {
      if (!pool) throw new Error('perTestDatabase: only available inside a test');
      return (await pool.query(sql, params)).rows;
    },
  };
}
