import 'server-only';
import { logger } from '@/lib/log';

// Next prints an error that escapes a page, an action or a route to stderr with console.error: its whole
// message, which for a database error can quote the query's values (a search for a person's name), and lines
// like "Failed to handle request for /es/staff/candidates?q=…". In production every console.error and
// console.warn goes through the redacting logger instead: the error's kind, code, digest (the reference Next
// shows on the error page) and stack frames, never its message or any text beside it.

/** Stack frames only (`at …` lines: code locations), without the message the stack starts with. */
function frames(error: unknown): string[] | undefined {
  const stack = (error as { stack?: unknown } | null)?.stack;
  if (typeof stack !== 'string') return undefined;
  return stack
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '))
    .slice(0, 12);
}

function summarize(args: unknown[]) {
  const error = args.find((arg) => arg instanceof Error || (typeof arg === 'object' && arg !== null && 'stack' in arg));
  const digest = (error as { digest?: unknown } | undefined)?.digest;
  return {
    source: 'console',
    // The logger's `err` serializer keeps the kind and code only (lib/log.ts).
    err: error,
    digest: typeof digest === 'string' ? digest.slice(0, 64) : undefined,
    frames: frames(error),
    // How much was said, never what.
    parts: args.length,
  };
}

const installedKey = Symbol.for('bilingual-talent.console-through-logger');

export function routeConsoleThroughLogger(): void {
  const holder = globalThis as typeof globalThis & { [installedKey]?: true };
  if (holder[installedKey] || process.env.NODE_ENV !== 'production') return;
  holder[installedKey] = true;
  console.error = (...args: unknown[]) => logger.error(summarize(args), 'unexpected error');
  console.warn = (...args: unknown[]) => logger.warn(summarize(args), 'warning');
}

/** For instrumentation's onRequestError: which route failed (its pattern, never the path with its query). */
export function logRequestError(error: unknown, context: { routePath: string; routeType: string; method: string }): void {
  logger.error(
    { event: 'request.error', route: context.routePath, routeType: context.routeType, method: context.method, ...summarize([error]) },
    'request failed',
  );
}
