// Migrations are plain SQL in prisma/migrations, applied by dbmate (Prisma 7 Migrate cannot run offline).
// dbmate's bookkeeping table lives in its own schema so the application schema holds only the app's tables.
import { execFile } from 'node:child_process';
import { Logger, runMigrations } from 'graphile-worker';
import pg from 'pg';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const projectRoot = path.resolve(import.meta.dirname, '../..');

function dbmateBinary(): string {
  const platformPackage = `@dbmate/${process.platform}-${process.arch === 'x64' ? 'x64' : process.arch}`;
  return require.resolve(`${platformPackage}/bin/dbmate`);
}

/** dbmate's Postgres driver insists on TLS unless told otherwise; local servers do not speak it. */
function withSslMode(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('sslmode')) parsed.searchParams.set('sslmode', 'disable');
  return parsed.toString();
}

export async function migrate(databaseUrl: string, command: 'up' | 'status' | 'rollback' = 'up'): Promise<string> {
  const stdout = await dbmate(databaseUrl, command);
  if (command !== 'up') return stdout;
  await installJobQueue(databaseUrl);
  return stdout;
}

/**
 * The job queue's own schema (graphile_worker: its tables and `add_job`), installed or upgraded here with the
 * rest of the schema, so the app itself never needs to run DDL (it may connect as a role that cannot). Running it
 * again is a no-op; the worker only checks the version when it starts.
 */
export async function installJobQueue(databaseUrl: string): Promise<void> {
  const quiet = new Logger(() => (level, message) => {
    if (level === 'error') process.stderr.write(`graphile-worker: ${message}\n`);
  });
  await runMigrations({ connectionString: databaseUrl, logger: quiet, noHandleSignals: true });
  await grantJobQueue(databaseUrl);
}

/**
 * The web server connects as a member of bilingual_talent_app (docs/security.md), which must queue and run jobs:
 * DML on the queue's tables and EXECUTE on its functions, granted again after every install or upgrade (a schema
 * installed before the role's default privileges existed has none). graphile-worker turns row-level security on
 * for its private tables, which lets only their owner through: a policy opens them to the app role, and to no one
 * else. Nothing happens where that role does not exist.
 */
async function grantJobQueue(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`
      DO $$
      DECLARE t record;
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bilingual_talent_app') THEN RETURN; END IF;
        GRANT USAGE ON SCHEMA graphile_worker TO bilingual_talent_app;
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO bilingual_talent_app;
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA graphile_worker TO bilingual_talent_app;
        GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO bilingual_talent_app;
        FOR t IN
          SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'graphile_worker' AND c.relkind = 'r' AND c.relrowsecurity
             AND NOT EXISTS (SELECT FROM pg_policies p WHERE p.schemaname = 'graphile_worker' AND p.tablename = c.relname
                                                         AND p.policyname = 'bilingual_talent_app')
        LOOP
          EXECUTE format('CREATE POLICY bilingual_talent_app ON graphile_worker.%I TO bilingual_talent_app USING (true) WITH CHECK (true)', t.relname);
        END LOOP;
      END $$`);
  } finally {
    await client.end();
  }
}

async function dbmate(databaseUrl: string, command: 'up' | 'status' | 'rollback'): Promise<string> {
  const { stdout } = await run(
    dbmateBinary(),
    [
      '--url',
      withSslMode(databaseUrl),
      '--migrations-dir',
      path.join(projectRoot, 'prisma/migrations'),
      '--migrations-table',
      'dbmate.schema_migrations',
      '--no-dump-schema',
      '--wait',
      '--wait-timeout',
      '30s',
      command,
    ],
    { cwd: projectRoot },
  );
  return stdout;
}
