// `npm run dev`: next dev, reloading as you edit. With DATABASE_URL unset it uses the embedded database of an
// `npm start` running in another terminal (as the web server's role, with this installation's password), so the
// development loop needs no database of its own; pass next dev's options after `--` (e.g. `-- -p 3001`).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { resolveDataDir } from './lib/embedded-postgres.ts';
import { EMBEDDED_APP_USER, embeddedUrl, readCredentials } from './lib/embedded-credentials.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');

if (!process.env.DATABASE_URL) {
  const credentials = await readCredentials(resolveDataDir(path.join(projectRoot, '.data/postgres')));
  if (!credentials) {
    console.error('DATABASE_URL is not set and there is no embedded database yet: run `npm start` in another terminal first.');
    process.exit(1);
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  process.env.DATABASE_URL = embeddedUrl(port, 'bilingual_talent', EMBEDDED_APP_USER, credentials.appPassword);
}
// The client-address hook and the listening address, as for next start (lib/server/preload.ts); through
// NODE_OPTIONS, so the server process next dev forks loads it too.
const preload = `--import ${path.join(projectRoot, 'lib/server/preload.ts')}`;
const next = spawn(process.execPath, [path.join(projectRoot, 'node_modules/next/dist/bin/next'), 'dev', ...process.argv.slice(2)], {
  cwd: projectRoot,
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, preload].filter(Boolean).join(' ') },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => next.kill(signal));
next.once('exit', (code) => process.exit(code ?? 0));
