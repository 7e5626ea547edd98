// The sign-up baseline: a bare node:http endpoint that reads the same urlencoded form, validates it with the
// shared schema and runs the same insert statement with `pg` (pool as large as the app's): the pending submission,
// its consent, the confirmation link's hash and the confirmation mail in the outbox with its job. No rate limit,
// no framework, no page rendering: 303 on success, 422 on invalid input.
import http from 'node:http';
import pg from 'pg';
import { signUpSchema } from '@/lib/candidates/schema';
import { signUpInputFrom } from '@/lib/candidates/form-state';
import { signUpInsertStatement } from '@/lib/candidates/sign-up';
import { consentNotice } from '@/lib/consent/notice';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
const notice = consentNotice('es');

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', async () => {
    try {
      const form = new FormData();
      for (const [name, value] of new URLSearchParams(Buffer.concat(chunks).toString())) form.append(name, value);
      const parsed = signUpSchema().safeParse(signUpInputFrom(form));
      if (!parsed.success) {
        response.writeHead(422).end();
        return;
      }
      const address = String(request.headers['x-forwarded-for'] ?? '').split(',').pop()?.trim() || null;
      const statement = signUpInsertStatement(parsed.data, notice, {
        locale: 'es',
        clientAddress: address,
        userAgent: request.headers['user-agent'] ?? null,
      });
      await pool.query(statement.text, statement.values);
      response.writeHead(303, { Location: '/es/talent/thanks' }).end();
    } catch {
      response.writeHead(500).end();
    }
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
