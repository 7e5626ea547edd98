import 'server-only';
import { Logger, run, type Runner, type Task, type TaskList } from 'graphile-worker';
import pg from 'pg';
import { databaseUrl, serverConfig } from '@/lib/config/env';
import { errorSummary, logger } from '@/lib/log';
import { sendMailJob } from '@/lib/mail/task';
import { sendMailTask } from '@/lib/mail/outbox';
import { purgePendingSignUps } from '@/lib/candidates/purge';
import { runRetention } from '@/lib/retention/run';
import { releaseAnnouncementMails, releaseMailsTask } from '@/lib/opportunities/announce';
import { foldCandidateCounts } from '@/lib/candidates/stats';
import { sendRequestDigest, withdrawStaleReclamos } from '@/lib/requests/register';
import { policyNoticeTask, queuePolicyNotices } from '@/lib/consent/policy-change';

// The background worker: graphile-worker on the app's PostgreSQL, started inside each `next start` process
// (instrumentation.ts) and stopped on SIGTERM (lib/server/shutdown.ts). Jobs are locked in the database, so
// any number of instances can run it and each job runs once; recurring jobs (crontab) are scheduled once across
// all instances. Its schema is installed by the migrations (scripts/lib/migrate.ts), never here.

export interface JobWorkerOptions {
  connectionString?: string;
  concurrency?: number;
  /** Extra or replacement tasks (tests); the app's own are always there. */
  tasks?: TaskList;
  /** graphile-worker crontab lines; the app's schedule by default. */
  crontab?: string;
  /** Jobs fetched (and locked) per query: more throughput, less fairness between instances. */
  batchSize?: number;
}

export interface JobWorker {
  stop(): Promise<void>;
  readonly runner: Runner;
}

/** Every task the app runs, each wrapped so that what reaches the queue's own logs and table is only an error's kind. */
export function appTasks(): TaskList {
  return {
    [sendMailTask]: sendMailJob,
    [purgeTask]: async () => {
      await purgePendingSignUps();
    },
    [retentionTask]: async () => {
      await runRetention();
    },
    [releaseMailsTask]: async () => {
      await releaseAnnouncementMails();
    },
    [foldCountsTask]: async () => {
      await foldCandidateCounts();
    },
    [withdrawTask]: async () => {
      await withdrawStaleReclamos();
    },
    [digestTask]: async () => {
      await sendRequestDigest();
    },
    [policyNoticeTask]: async () => {
      await queuePolicyNotices();
    },
  };
}

export const purgeTask = 'candidates:purge-pending';
export const retentionTask = 'retention:run';
export const foldCountsTask = 'candidates:fold-counts';
/** Incomplete reclamos with no answer two months after what was missing was asked for count as withdrawn. */
export const withdrawTask = 'requests:withdraw-stale';
/** The daily mail to admins and the privacy role: requests overdue and due in the next 3 business days. */
export const digestTask = 'requests:digest';

/**
 * What runs on a schedule (minute hour day month weekday task, UTC), once across all instances: the purge at minute
 * 17 of every hour, retention daily at 08:41 UTC (03:41 in Colombia), withdrawn reclamos at minute 37 of every hour
 * and the mails announcing a new privacy policy version at minute 29 (a run missed while no instance was up is not
 * made up for: the next one covers it, since every rule works by age or by what is due), the requests mail at 12:05
 * UTC, 07:05 in Colombia, made up for within 12 hours when no instance was up then (`?fill=12h`), and the fold of
 * the dashboard's counts every CANDIDATE_COUNTS_FOLD_MINUTES (issue-20 migration).
 */
export function appCrontab(foldMinutes = serverConfig().CANDIDATE_COUNTS_FOLD_MINUTES): string {
  return [
    `17 * * * * ${purgeTask}`,
    `41 8 * * * ${retentionTask}`,
    `37 * * * * ${withdrawTask}`,
    `29 * * * * ${policyNoticeTask}`,
    `5 12 * * * ${digestTask} ?fill=12h`,
    `*/${foldMinutes} * * * * ${foldCountsTask}`,
  ].join('\n');
}

function sanitized(name: string, task: Task): Task {
  return async (payload, helpers) => {
    try {
      return await task(payload, helpers);
    } catch (error) {
      const summary = errorSummary(error);
      if ((error as Error)?.name !== 'MailDeferredError') {
        logger.error({ event: 'job.failed', task: name, jobId: helpers.job.id, err: error }, 'background job failed; it will be retried');
      }
      // The queue stores and logs this message: the kind and code only, never text that could quote data.
      throw new Error(`${String(summary.type)}${summary.code ? `:${String(summary.code)}` : ''}`);
    }
  };
}

const levels = { error: 'error', warning: 'warn', info: 'debug', debug: 'trace' } as const;
const queueLogger = new Logger((scope) => (level, message) => {
  logger[levels[level as keyof typeof levels] ?? 'debug']({ event: 'job.queue', ...scope }, message);
});

export async function startJobWorker(options: JobWorkerOptions = {}): Promise<JobWorker> {
  const config = serverConfig();
  const concurrency = options.concurrency ?? config.MAIL_CONCURRENCY;
  const tasks = { ...appTasks(), ...options.tasks };
  const taskList: TaskList = Object.fromEntries(Object.entries(tasks).map(([name, task]) => [name, sanitized(name, task as Task)]));
  const batchSize = options.batchSize ?? config.MAIL_BATCH;
  // The queue's own pool, owned here: an idle connection the server drops (a restart, a database dropped in a test)
  // is reported to this handler instead of crashing the process, and the pool ends after the runner has stopped.
  const pool = new pg.Pool({
    connectionString: options.connectionString ?? databaseUrl(),
    max: concurrency + 2,
    connectionTimeoutMillis: config.DATABASE_CONNECT_TIMEOUT_MS,
    application_name: 'bilingual-talent-jobs',
  });
  pool.on('error', (error) => logger.warn({ event: 'jobs.pool_error', err: error }, 'job queue connection lost; it reconnects'));
  let runner: Runner;
  try {
    runner = await run({
      pgPool: pool,
      concurrency,
      noHandleSignals: true,
      pollInterval: 1_000,
      taskList,
      crontab: options.crontab ?? appCrontab(config.CANDIDATE_COUNTS_FOLD_MINUTES),
      logger: queueLogger,
      preset: {
        worker: {
          // Finished jobs are marked done in batches (one statement per 10 ms instead of one per job). A job whose
          // completion a crash lost runs again later and finds its work done (a mail finds its outbox row sent).
          completeJobBatchDelay: 10,
          ...(batchSize > 1 ? { localQueue: { size: batchSize } } : {}),
        },
      },
    });
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  return {
    runner,
    async stop() {
      await runner.stop();
      await pool.end();
    },
  };
}
