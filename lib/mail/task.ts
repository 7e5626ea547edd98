import 'server-only';
import type { JobHelpers } from 'graphile-worker';
import { logger } from '@/lib/log';
import { deliverOutboxMail } from './deliver';
import { mailTransport } from './transport';

/** The `mail:send` job: deliver the outbox row whose id it carries. */
export async function sendMailJob(payload: unknown, helpers: JobHelpers): Promise<void> {
  const outboxId = (payload as { outboxId?: unknown } | null)?.outboxId;
  if (typeof outboxId !== 'string') return;
  const transport = mailTransport();
  // Without SMTP_URL the worker is not started (lib/jobs/worker.ts); should it be, the mail waits.
  if (!transport) throw new Error('SMTP_URL is not set');
  await helpers.withPgClient((client) =>
    deliverOutboxMail(client, outboxId, {
      transport,
      log: logger,
      lastAttempt: helpers.job.attempts >= helpers.job.max_attempts,
    }),
  );
}
