import 'server-only';
import { disconnectDb } from '@/lib/db/client';
import { serverConfig } from '@/lib/config/env';
import { logger } from '@/lib/log';

// On SIGTERM or SIGINT, `next start` closes its HTTP server (no new connections; requests in flight
// finish), runs its own clean-up, then calls process.exit(143). Closing the pool any earlier would fail the
// sign-ups still in flight, and Next offers no hook after the drain: so the pool is closed when Next calls
// process.exit, which is after the drain. A graceful stop exits 0; one cut short by the deadline exits 1.

const holder = globalThis as typeof globalThis & {
  __btShutdown?: { stopping: boolean };
  __btShutdownTasks?: { name: string; stop: () => Promise<void> }[];
};

/**
 * Work to stop when the process is asked to (the background job worker): `stop` is called as soon as the signal
 * arrives, alongside the HTTP drain, and awaited before the database pool closes.
 */
export function onShutdown(name: string, stop: () => Promise<void>): void {
  (holder.__btShutdownTasks ??= []).push({ name, stop });
}

/** True once the process has been asked to stop: readiness answers 503 so balancers send nothing new. */
export function isShuttingDown(): boolean {
  return holder.__btShutdown?.stopping === true;
}

export function installGracefulShutdown(): void {
  if (holder.__btShutdown) return;
  const state = { stopping: false };
  holder.__btShutdown = state;
  const onSignal = (signal: NodeJS.Signals) => {
    if (state.stopping) return;
    state.stopping = true;
    const startedAt = Date.now();
    logger.info({ event: 'shutdown.started', signal }, 'stopping: no new connections, finishing requests in flight');
    const stoppingTasks = Promise.all(
      (holder.__btShutdownTasks ?? []).map((task) =>
        task.stop().catch((error: unknown) => logger.error({ event: 'shutdown.task_failed', task: task.name, err: error }, 'could not stop cleanly')),
      ),
    );
    const exit = process.exit.bind(process);
    const deadline = setTimeout(() => {
      logger.error({ event: 'shutdown.timeout', timeoutMs: serverConfig().SHUTDOWN_TIMEOUT_MS }, 'requests still in flight at the deadline');
      exit(1);
    }, serverConfig().SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    let closing = false;
    process.exit = ((code?: number | string | null) => {
      if (closing) return undefined as never;
      closing = true;
      void stoppingTasks
        .then(() => disconnectDb())
        .then(
          () => {
            logger.info({ event: 'shutdown.complete', signal, drainedMs: Date.now() - startedAt }, 'stopped: requests finished, database pool closed');
            exit(0);
          },
          (error: unknown) => {
            logger.error({ event: 'shutdown.pool_close_failed', err: error }, 'could not close the database pool');
            exit(typeof code === 'number' && code !== 143 && code !== 130 ? code : 1);
          },
        );
      return undefined as never;
    }) as typeof process.exit;
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
