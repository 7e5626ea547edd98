// The web server Playwright starts: a fresh migrated database, a real SMTP server (the mail catcher, on
// E2E_SMTP_PORT, its page and JSON on E2E_MAIL_WEB_PORT) and the production build on E2E_PORT, which delivers its
// mail there. It writes the database URL and the catcher's address to .data/e2e-state.json so tests can check
// what the app stored and read the mail it sent.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { appRoleUrl, createMigratedDatabase, databaseUrl, dropDatabasesLike, startTestCluster } from '../tests/support/postgres.ts';
import { startAppServer } from '../tests/support/app-server.ts';
import { seedE2e } from '../tests/support/e2e-seed.ts';
import { startMailCatcher } from './lib/mail-catcher.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.E2E_PORT ?? 3100);

const cluster = await startTestCluster({ port: Number(process.env.E2E_PG_PORT ?? 54331), dataDirName: 'e2e-postgres' });
await dropDatabasesLike(cluster.adminUrl, 'bt_e2e_');
const name = await createMigratedDatabase(cluster.adminUrl, 'bt_e2e_');
const url = databaseUrl(cluster.adminUrl, name);
const seeded = await seedE2e(url);
// next start connects as the least-privileged role production uses, so the whole e2e suite proves its grants are
// enough; the specs read and arrange data as the owner (`databaseUrl` in the state file).
seeded.env.DATABASE_URL = await appRoleUrl(cluster.adminUrl, name);
const mail = await startMailCatcher({
  smtpPort: Number(process.env.E2E_SMTP_PORT ?? 3102),
  webPort: Number(process.env.E2E_MAIL_WEB_PORT ?? 3103),
  limit: 5_000,
});
await mkdir(path.join(projectRoot, '.data'), { recursive: true });
await writeFile(
  path.join(projectRoot, '.data/e2e-state.json'),
  JSON.stringify({ databaseUrl: url, baseUrl: `http://127.0.0.1:${port}`, mailUrl: mail.webUrl, ...seeded }, null, 2),
);

const server = await startAppServer({
  port,
  env: { DATABASE_URL: url, SMTP_URL: mail.smtpUrl, ...seeded.env },
  inheritOutput: true,
});
console.log(`e2e server ready at ${server.url}`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await server.stop();
  await mail.close();
  await dropDatabasesLike(cluster.adminUrl, 'bt_e2e_').catch(() => {});
  await cluster.stop();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
server.process.once('exit', () => void shutdown());
