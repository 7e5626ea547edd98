// A separate process that signs up like an app instance does: the rate-limit test runs two of these against one
// database. Prints one JSON line with the status of each attempt.
import { signUp } from '@/lib/candidates/sign-up';
import { disconnectDb } from '@/lib/db/client';
import { signUpFormData } from './sign-up-form.ts';

const attempts = Number(process.env.WORKER_ATTEMPTS ?? 1);
const address = process.env.WORKER_ADDRESS ?? '203.0.113.10';
const tag = process.env.WORKER_TAG ?? 'w';

const outcomes = await Promise.all(
  Array.from({ length: attempts }, (_, i) =>
    signUp({
      locale: 'es',
      formData: signUpFormData({ email: `${tag}-${i}@example.com` }),
      clientAddress: address,
      userAgent: `worker ${tag}`,
    }).then((o) => (o.ok ? 'ok' : o.state.status)),
  ),
);
await disconnectDb();
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
