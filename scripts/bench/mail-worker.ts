// The mail row's project side, in a process of its own (React Email renders outside the react-server condition):
// the app's own job worker (lib/jobs/worker.ts) delivers every queued outbox row to the SMTP sink. Prints one JSON
// line: seconds from start to the last row sent, and the process's RSS sampled along the way.
import pg from 'pg';
import { startJobWorker } from '@/lib/jobs/worker';

const databaseUrl = process.env.DATABASE_URL!;
const expected = Number(process.env.BENCH_MAILS);
const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
// Memory is read once a tenth of the mails are out (modules loaded, pools and caches warm): what grows after
// that grows with the number of mails.
let rssStart = 0;
let rssPeak = 0;
// Retained memory: the heap in use right after a full collection (the process runs with --expose-gc).
const retained = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};
let heapStart = 0;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 100);
const started = performance.now();
const worker = await startJobWorker({ connectionString: databaseUrl, crontab: '' });
for (;;) {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'sent'`);
  if (!rssStart && rows[0]!.n >= expected / 10) {
    heapStart = retained();
    rssPeak = rssStart = process.memoryUsage().rss;
  }
  if (rows[0]!.n >= expected) break;
  await new Promise((r) => setTimeout(r, 50));
}
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
await worker.stop();
await client.end();
const heapEnd = retained();
console.log(JSON.stringify({ seconds, rssStart, rssPeak, heapStart, heapEnd }));
process.exit(0);
