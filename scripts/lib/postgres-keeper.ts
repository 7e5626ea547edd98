// Runs the embedded PostgreSQL in a process of its own, in its own process group, so that Ctrl-C in the
// terminal reaches the web server first: the launcher stops Next (which finishes requests in flight) and
// only then asks this process to stop the database. If the launcher dies, the database stops too.
import { startEmbeddedPostgres } from './embedded-postgres.ts';

const dataDir = process.env.KEEPER_DATA_DIR!;
const port = Number(process.env.KEEPER_PORT);
const parent = Number(process.env.KEEPER_PARENT_PID);

const server = await startEmbeddedPostgres({ dataDir, port, fast: process.env.KEEPER_FAST === '1', log: (line) => process.stderr.write(`[postgres] ${line}\n`) });
process.stdout.write(`READY ${JSON.stringify({ url: server.url('postgres'), appUrl: server.appUrl('postgres'), dataDir: server.dataDir })}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setInterval(() => {
  try {
    process.kill(parent, 0);
  } catch {
    void stop();
  }
}, 1000).unref();
setInterval(() => {}, 1 << 30);
