import type { Instrumentation } from 'next';

// Runs once when `next start` boots, before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startupProblem } = await import('./lib/config/env');
  const problem = startupProblem(process.env);
  if (problem) {
    // One line naming the variable, not a stack trace: this is a deployment mistake, not a bug.
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
  // Already in place when the launcher preloaded it (npm start, the tests); for a bare `next start`, from here on.
  const { installClientAddressHook } = await import('./lib/security/client-address-hook');
  installClientAddressHook();
  const { routeConsoleThroughLogger } = await import('./lib/server/error-log');
  routeConsoleThroughLogger();
  const { installGracefulShutdown } = await import('./lib/server/shutdown');
  installGracefulShutdown();
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logRequestError } = await import('./lib/server/error-log');
  logRequestError(error, { routePath: context.routePath, routeType: context.routeType, method: request.method });
};
