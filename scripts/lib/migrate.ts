// Migrations are plain SQL in prisma/migrations, applied by dbmate (Prisma 7 Migrate cannot run offline).
// dbmate's bookkeeping table lives in its own schema so the application schema holds only the app's tables.
import { execFile } from 'node:child_process';
import { Logger, runMigrations } from 'graphile-worker';
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
