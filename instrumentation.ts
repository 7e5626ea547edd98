import type { Instrumentation } from 'next';

// Runs once when `next start` boots, before it serves requests (lib/server/startup.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') await (await import('./lib/server/startup')).startServer();
}

// Errors that escape a page, an action or a route: logged through the redacting logger (lib/server/error-log.ts).
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logRequestError } = await import('./lib/server/error-log');
  logRequestError(error, { routePath: context.routePath, routeType: context.routeType, method: request.method });
};
