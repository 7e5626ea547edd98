// Runs deploy/nginx/bilingual-talent.conf.template in front of `next start` instances, as the benchmarks and
// the e2e topology test do: the template filled in, nginx as a child process (not a daemon) with its pid,
// logs, temp files and cache in a folder of its own, so it needs no system configuration and leaves none.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '../..');
export const nginxTemplate = path.join(projectRoot, 'deploy/nginx/bilingual-talent.conf.template');
/** The static pages nginx answers with itself (429), in both languages. */
export const nginxErrorPages = path.join(projectRoot, 'deploy/nginx/errors');

export interface NginxOptions {
  /** Port nginx listens on (127.0.0.1). */
  port: number;
  /** `host:port` of each `next start` instance. */
  upstreams: string[];
  /** Folder for the rendered config, pid, logs, temp files and cache; emptied first. */
  dir: string;
  /** Folder for the temp files, cache and error pages, which the workers use (`dir` by default). */
  workDir?: string;
  workers?: number | 'auto';
  /** CIDRs of TLS terminators in front, whose X-Forwarded-For and X-Forwarded-Proto nginx believes. None by default. */
  tlsTerminators?: string[];
}

export function nginxBinary(): string | undefined {
  for (const candidate of [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  const found = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim();
  return found || undefined;
}

/** The template with every {{FIELD}} filled; throws when one is left. */
export function renderNginxConfig(options: NginxOptions, buildId = readBuildId()): string {
  const root = userInfo().uid === 0;
  const group = readFileSync('/etc/group', 'utf8').split('\n').some((l) => l.startsWith('nogroup:')) ? 'nogroup' : 'nobody';
  const fields: Record<string, string> = {
    WORKER_PROCESSES: String(options.workers ?? 'auto'),
    RUN_DIR: options.workDir ?? options.dir,
    ERROR_LOG: path.join(options.dir, 'error.log'),
    ACCESS_LOG: path.join(options.dir, 'access.log'),
    CACHE_DIR: path.join(options.workDir ?? options.dir, 'cache'),
    // Workers of a master started as root drop to an unprivileged user; otherwise they run as whoever started it.
    USER_DIRECTIVE: root ? `user nobody ${group};` : '',
    LISTEN: `127.0.0.1:${options.port}`,
    UPSTREAM_SERVERS: options.upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=5s;`).join('\n'),
    BUILD_ID: buildId,
    REAL_IP_FROM: (options.tlsTerminators ?? []).length
      ? [...options.tlsTerminators!.map((cidr) => `  set_real_ip_from ${cidr};`), '  real_ip_header X-Forwarded-For;', '  real_ip_recursive on;'].join('\n')
      : '  # (no TLS terminator in front)',
    TLS_TERMINATORS: (options.tlsTerminators ?? []).map((cidr) => `    ${cidr} 1;`).join('\n'),
    // A copy in nginx's own folder (startNginx): the workers run as nobody, who may not reach the project.
    ERROR_PAGES_DIR: path.join(options.workDir ?? options.dir, 'errors'),
  };
  const text = readFileSync(nginxTemplate, 'utf8').replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => {
    const value = fields[name];
    if (value === undefined) throw new Error(`nginx template: no value for ${whole}`);
    return value;
  });
  return text;
}

function readBuildId(): string {
  const file = path.join(projectRoot, '.next/BUILD_ID');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : 'dev';
}

export interface RunningNginx {
  url: string;
  process: ChildProcess;
  /** Lines of the access log so far (method, path, status, cache status, upstream address, time). */
  accessLog(): string[];
  stop(): Promise<void>;
}

export async function startNginx(options: NginxOptions): Promise<RunningNginx> {
  const binary = nginxBinary();
  if (!binary) throw new Error('nginx is not installed: run `bash scripts/ensure-nginx.sh` (Debian: apt-get install nginx).');
  await rm(options.dir, { recursive: true, force: true });
  await mkdir(options.dir, { recursive: true, mode: 0o755 });
  // Started as root, nginx's workers run as nobody, and they write the temp files and the cache and read the error
  // pages. A project cloned into a private folder (mode 700: /root, mktemp -d) is out of their reach, so those go to
  // a folder of their own in the system's temp folder, as the embedded PostgreSQL's data does. Logs and pid are
  // the master's.
  const workDir = userInfo().uid === 0 ? await mkdtemp(path.join(tmpdir(), 'bt-nginx-')) : undefined;
  if (workDir) await chmod(workDir, 0o755);
  const errorPages = path.join(workDir ?? options.dir, 'errors');
  await cp(nginxErrorPages, errorPages, { recursive: true });
  await chmod(errorPages, 0o755);
  const config = path.join(options.dir, 'nginx.conf');
  await writeFile(config, renderNginxConfig({ ...options, workDir }));
  const child = spawn(binary, ['-p', options.dir, '-e', 'stderr', '-c', config, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!(await answers(options.port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      if (workDir) await rm(workDir, { recursive: true, force: true });
      throw new Error(`nginx did not start:\n${errors}${readIfExists(path.join(options.dir, 'error.log'))}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${options.port}`,
    process: child,
    accessLog: () => readIfExists(path.join(options.dir, 'access.log')).split('\n').filter(Boolean),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      if (workDir) await rm(workDir, { recursive: true, force: true });
    },
  };
}

function readIfExists(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
