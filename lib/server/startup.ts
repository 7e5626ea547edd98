import 'server-only';

// What `next start` does once when it boots, before it serves requests (called from instrumentation.ts, Node.js
// runtime only).
export async function startServer(): Promise<void> {
  const { startupProblem } = await import('@/lib/config/env');
  const problem = startupProblem(process.env);
  if (problem) {
    // One line naming the variable, not a stack trace: this is a deployment mistake, not a bug.
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
  // Already in place when the launcher preloaded it (npm start, the tests); for a bare `next start`, from here on.
  const { installClientAddressHook } = await import('@/lib/security/client-address-hook');
  installClientAddressHook();
  const { routeConsoleThroughLogger } = await import('./error-log');
  routeConsoleThroughLogger();
  const { installGracefulShutdown } = await import('./shutdown');
  installGracefulShutdown();
  // The mail outbox's worker (and every other background job): MAIL_WORKER=off leaves it to other instances.
  const { startAppWorker } = await import('@/lib/jobs/app-worker');
  startAppWorker();
}
