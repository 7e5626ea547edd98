// `npm start`: serve the production build on PORT (3000). Without DATABASE_URL it runs an embedded
// PostgreSQL with its data in .data/postgres (kept between runs), applies migrations, seeds, and on
// Ctrl-C or SIGTERM stops the web server first (requests in flight finish), then the database. Without SMTP_URL
// it runs the local mail catcher (scripts/lib/mail-catcher.ts) and points the app at it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startDetachedPostgres } from './lib/postgres-process.ts';
import { migrate } from './lib/migrate.ts';
import { seed } from './lib/seed.ts';
import { startMailCatcher, type MailCatcher } from './lib/mail-catcher.ts';
import { parseConfig, startupProblem } from '../lib/config/env.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');

// Checked before anything starts; DATABASE_URL may be unset here (the embedded PostgreSQL provides it).
const problem = startupProblem(process.env, { needsDatabaseUrl: false });
if (problem) {
  console.error(problem);
  process.exit(1);
}
const config = parseConfig(process.env);
const port = config.PORT;

if (!existsSync(path.join(projectRoot, '.next/BUILD_ID'))) {
  console.error('No production build found. Run `npm run build` first (the README\'s first command does).');
  process.exit(1);
}

// The web server connects with DATABASE_URL (a role that may read and write rows, not change tables); the
// migrations run with DATABASE_OWNER_URL (the tables' owner), or DATABASE_URL when that is unset.
let databaseUrl = config.DATABASE_URL;
let ownerUrl = config.DATABASE_OWNER_URL ?? databaseUrl;
let database: Awaited<ReturnType<typeof startDetachedPostgres>> | undefined;
if (!databaseUrl) {
  const pgPort = config.EMBEDDED_PG_PORT;
  console.log(`DATABASE_URL is not set: starting the embedded PostgreSQL on 127.0.0.1:${pgPort}…`);
  try {
    database = await startDetachedPostgres({ dataDir: path.join(projectRoot, '.data/postgres'), port: pgPort });
    const admin = new pg.Client({ connectionString: database.adminUrl });
    await admin.connect();
    const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'bilingual_talent'`);
    if (!rowCount) await admin.query('CREATE DATABASE bilingual_talent');
    await admin.end();
  } catch (error) {
    // One line that says what to do, never a stack trace: this is often a newcomer's first command.
    console.error(
      `The embedded PostgreSQL could not start (${embeddedFailureReason(error)}). ` +
        `Set DATABASE_URL to a PostgreSQL server you run (e.g. postgresql://postgres@127.0.0.1:5432/postgres), ` +
        `or set EMBEDDED_PG_PORT if port ${pgPort} is taken.`,
    );
    await database?.stop().catch(() => {});
    process.exit(1);
  }
  const onDatabase = (base: string) => {
    const url = new URL(base);
    url.pathname = '/bilingual_talent';
    return url.toString();
  };
  // The superuser owns the tables and migrates; next start connects as the least-privileged role.
  ownerUrl = onDatabase(database.adminUrl);
  databaseUrl = onDatabase(database.appUrl);
  console.log(`Database files: ${database.dataDir}`);
}

try {
  process.stdout.write(await migrate(ownerUrl!));
} catch (error) {
  console.error(`Could not apply migrations: ${(error as Error).message}`);
  await database?.stop();
  process.exit(1);
}
const notes = await seed(ownerUrl!, { embedded: Boolean(database) });

// Mail: the SMTP server of SMTP_URL, or else a local catcher whose web page shows every mail the site sends.
let smtpUrl = config.SMTP_URL;
let catcher: MailCatcher | undefined;
if (!smtpUrl) {
  try {
    catcher = await startMailCatcher({ smtpPort: config.MAIL_CATCHER_SMTP_PORT, webPort: config.MAIL_CATCHER_WEB_PORT });
  } catch (error) {
    console.error(
      `The local mail catcher could not start (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). ` +
        `Set MAIL_CATCHER_SMTP_PORT and MAIL_CATCHER_WEB_PORT to free ports, or SMTP_URL to your SMTP server.`,
    );
    await database?.stop();
    process.exit(1);
  }
  smtpUrl = catcher.smtpUrl;
}

// Loopback by default (BIND_ADDRESS): in production nginx is in front, and the app believes X-Forwarded-For only
// from TRUSTED_PROXIES. lib/server/preload.ts binds the socket and puts the client-address hook in place before
// Next sees a request.
const bindAddress = config.BIND_ADDRESS;
const nextArgs = [
  '--import',
  path.join(projectRoot, 'lib/server/preload.ts'),
  path.join(projectRoot, 'node_modules/next/dist/bin/next'),
  'start',
  '-p',
  String(port),
];
const next = spawn(process.execPath, nextArgs, {
  cwd: projectRoot,
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
});

let stopping = false;
async function shutdown(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the web server…`);
  if (next.exitCode === null) next.kill('SIGTERM');
  await new Promise((resolve) => (next.exitCode === null ? next.once('exit', resolve) : resolve(null)));
  await catcher?.close();
  if (database) {
    console.log('Stopping the embedded PostgreSQL…');
    await database.stop();
  }
  // next start exits 0 after a complete drain (instrumentation.ts), 1 when its deadline cut requests short.
  process.exit(next.exitCode ?? 0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
next.once('exit', (code) => {
  if (!stopping) {
    console.error(`next start exited with ${code}`);
    void Promise.all([catcher?.close(), database?.stop()]).then(() => process.exit(code ?? 1));
  }
});

// Say where the site is once it answers.
for (let i = 0; i < 300 && !stopping; i++) {
  try {
    const local = ['0.0.0.0', '::', '127.0.0.1'].includes(bindAddress) ? '127.0.0.1' : bindAddress.includes(':') ? `[${bindAddress}]` : bindAddress;
    await fetch(`http://${local}:${port}/es`);
    const shown = local === '127.0.0.1' ? 'localhost' : local;
    console.log(`\nBilingual Talent is running at http://${shown}:${port} (Spanish: /es, English: /en).`);
    if (catcher) {
      console.log(`Mail catcher (every mail the site sends, e.g. sign-up confirmations): ${catcher.webUrl}`);
    } else {
      console.log('Mail goes out through SMTP_URL.');
    }
    for (const line of notes) console.log(line);
    console.log('Press Ctrl-C to stop.');
    break;
  } catch {
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The most telling line of why the embedded PostgreSQL did not start: its own error if it printed one. */
function embeddedFailureReason(error: unknown): string {
  const lines = String((error as Error)?.message ?? error).split('\n').map((line) => line.trim()).filter(Boolean);
  const telling = lines.findLast((line) => /\b(FATAL|ERROR|EACCES|EADDRINUSE|Error:)/.test(line)) ?? lines[0] ?? 'unknown error';
  return telling.replace(/^\[postgres\]\s*/, '').slice(0, 300);
}
