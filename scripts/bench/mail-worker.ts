// The mail row's project side, in a process of its own (React Email renders outside the react-server condition):
// the app's own job worker (lib/jobs/worker.ts) delivers every queued outbox row to the SMTP sink. Prints one JSON
// line: seconds from start to the last row sent, and the process's RSS sampled along the way. Both ends of that time
// are PostgreSQL's clock (the row's sent_at is set as it is marked sent), so the harness's own polling, twice a
// second, adds neither load worth counting nor its interval to the result.
import pg from 'pg';
import { startJobWorker } from '@/lib/jobs/worker';
import { memoryProbe } from './memory-probe.ts';

const databaseUrl = process.env.DATABASE_URL!;
const expected = Number(process.env.BENCH_MAILS);
const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const memory = memoryProbe();
const { rows: [start] } = await client.query<{ at: Date }>(`SELECT clock_timestamp() AS at`);
const worker = await startJobWorker({ connectionString: databaseUrl, crontab: '' });
for (;;) {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'sent'`);
  if (!memory.marked && rows[0]!.n >= expected / 10) memory.mark();
  if (rows[0]!.n >= expected) break;
  await new Promise((r) => setTimeout(r, 500));
}
const { rows: [end] } = await client.query<{ at: Date }>(`SELECT max(sent_at) AS at FROM mail_outbox WHERE status = 'sent'`);
const seconds = (end!.at.getTime() - start!.at.getTime()) / 1000;
await worker.stop();
await client.end();
console.log(JSON.stringify({ seconds, ...memory.finish() }));
process.exit(0);
