import 'server-only';
import { serverConfig } from '@/lib/config/env';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { logger } from '@/lib/log';
import { isShuttingDown, onShutdown } from '@/lib/server/shutdown';
import { startJobWorker, type JobWorker } from './worker';

// Starts the job worker in this `next start` process when MAIL_WORKER=on (the default) and SMTP_URL is set.
// A database that is not there yet does not stop the site from starting: the worker tries again every 15 s.

const retryMs = 15_000;

export function startAppWorker(): void {
  const config = serverConfig();
  if (config.MAIL_WORKER === 'off') {
    logger.info({ event: 'jobs.worker_off' }, 'MAIL_WORKER=off: this instance queues mails but does not deliver them');
    return;
  }
  if (!config.SMTP_URL) {
    logger.warn({ event: 'jobs.no_smtp' }, 'SMTP_URL is not set: mails stay queued in the outbox until an instance with SMTP_URL runs');
    return;
  }
  let worker: JobWorker | undefined;
  let starting: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const attempt = () => {
    timer = undefined;
    if (isShuttingDown()) return;
    starting = startJobWorker().then(
      (started) => {
        worker = started;
        logger.info({ event: 'jobs.worker_started', concurrency: config.MAIL_CONCURRENCY }, 'job worker started');
        started.runner.promise.catch((error: unknown) => {
          logger.error({ event: 'jobs.worker_crashed', err: error }, 'job worker stopped unexpectedly; restarting');
          worker = undefined;
          if (!isShuttingDown()) timer = setTimeout(attempt, retryMs);
        });
      },
      (error: unknown) => {
        const event = isDatabaseUnavailable(error) ? 'jobs.db_unavailable' : 'jobs.start_failed';
        logger.error({ event, err: error }, `job worker could not start; trying again in ${retryMs / 1000} s`);
        timer = setTimeout(attempt, retryMs);
      },
    );
  };
  onShutdown('job worker', async () => {
    if (timer) clearTimeout(timer);
    await starting?.catch(() => {});
    await worker?.stop();
  });
  attempt();
}
