// Starts the production build (`next start`) as a child process and waits until it answers.
// Used by the e2e web server and by tests that need their own instance (outages, SIGTERM, two instances).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '../..');
/** The client-address hook and the listening address, before Next (lib/server/preload.ts). */
export const nextPreload = path.join(projectRoot, 'lib/server/preload.ts');

export interface AppServer {
  url: string;
  process: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startAppServer(options: {
  port: number;
  env: Record<string, string | undefined>;
  /** Forward the server's output to this process's (the e2e server does; tests keep it). */
  inheritOutput?: boolean;
  readyPath?: string;
  /** Another app's folder (the bench's empty App Router app); the project's by default. */
  cwd?: string;
}): Promise<AppServer> {
  const nextBin = path.join(projectRoot, 'node_modules/next/dist/bin/next');
  // As in production (scripts/start.ts): the client-address hook before Next, listening on loopback only.
  const child = spawn(process.execPath, ['--import', nextPreload, nextBin, 'start', '-p', String(options.port)], {
    cwd: options.cwd ?? projectRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      // The tests and the bench play the part of the proxy in front: they give each simulated person an address
      // with X-Forwarded-For from 127.0.0.1. A test that needs no trusted proxy passes TRUSTED_PROXIES: ''.
      TRUSTED_PROXIES: '127.0.0.1/32',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const collect = (chunk: Buffer, stream: NodeJS.WriteStream) => {
    log += chunk.toString();
    if (options.inheritOutput) stream.write(chunk);
  };
  child.stdout!.on('data', (c: Buffer) => collect(c, process.stdout));
  child.stderr!.on('data', (c: Buffer) => collect(c, process.stderr));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${log}`);
    try {
      const response = await fetch(url + (options.readyPath ?? '/es'), { redirect: 'manual' });
      // Read to the end: a body left unread holds its pooled connection, and the next fetch can meet it closed.
      await response.arrayBuffer();
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`next start did not answer within 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    url,
    process: child,
    output: () => log,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
