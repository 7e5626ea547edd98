// The mail row's baseline: a bare nodemailer loop over the same SMTP sink, with a connection pool of the same size
// and as many sends in flight as the worker's concurrency, sending one message rendered once (the same template the
// worker renders for every row). No database, no queue, no rendering per mail. Prints one JSON line like the worker.
import { createTransport } from 'nodemailer';
import { renderMail } from '@/lib/mail/render';
import { memoryProbe } from './memory-probe.ts';

const total = Number(process.env.BENCH_MAILS);
const concurrency = Number(process.env.MAIL_CONCURRENCY);
const transport = createTransport({ pool: true, url: process.env.SMTP_URL!, maxConnections: Number(process.env.MAIL_SMTP_CONNECTIONS), maxMessages: 1_000 });
const message = await renderMail('confirm-sign-up', 'es', { token: 'A'.repeat(43), validDays: 7 });
// As the worker's: memory read once a tenth of the mails are out.
const memory = memoryProbe();
const started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < total) {
      const i = next++;
      if (i === Math.floor(total / 10)) memory.mark();
      await transport.sendMail({ from: 'Talento Bilingüe <talentobilingue@investpacific.org>', to: `bench${i}@example.com`, ...message });
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
transport.close();
console.log(JSON.stringify({ seconds, ...memory.finish() }));
process.exit(0);
