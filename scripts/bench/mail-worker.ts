// The mail row's project side, in a process of its own (React Email renders outside the react-server condition):
// the app's own job worker (lib/jobs/worker.ts) delivers every queued outbox row to the SMTP sink. Prints one JSON
// line: seconds from start to the last row sent, and the process's RSS sampled along the way.
import pg from 'pg';
import { startJobWorker } from '@/lib/jobs/worker';
import { memoryProbe } from './memory-probe.ts';

const databaseUrl = process.env.DATABASE_URL!;
const expected = Number(process.env.BENCH_MAILS);
const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const memory = memoryProbe();
const started = performance.now();
const worker = await startJobWorker({ connectionString: databaseUrl, crontab: '' });
for (;;) {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'sent'`);
  if (!memory.marked && rows[0]!.n >= expected / 10) memory.mark();
  if (rows[0]!.n >= expected) break;
  await new Promise((r) => setTimeout(r, 50));
}
const seconds = (performance.now() - started) / 1000;
await worker.stop();
await client.end();
console.log(JSON.stringify({ seconds, ...memory.finish() }));
process.exit(0);
