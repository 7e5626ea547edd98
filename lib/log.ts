import 'server-only';
import pino, { type Logger } from 'pino';
import { headers } from 'next/headers';
import { serverConfig } from '@/lib/config/env';
import { requestIdHeader } from '@/lib/request-id';

// Structured logs on stdout. Personal data never belongs in a log line; the redaction below is the net
// that catches it if a caller passes an object carrying it anyway.
const personalFields = ['email', 'fullName', 'phone', 'password', 'birthYear', 'name', 'token', 'cookie', 'authorization'];

/** What may be logged about a failure: its kind, never its message (which can quote the data). */
export function errorSummary(error: unknown): Record<string, unknown> {
  const e = error as { name?: unknown; code?: unknown; cause?: unknown } | null;
  const cause = e?.cause as { name?: unknown; code?: unknown } | undefined;
  // `type`, not `name`: the logger redacts any field called name.
  return {
    type: typeof e?.name === 'string' ? e.name : typeof error,
    code: typeof e?.code === 'string' ? e.code : undefined,
    cause: cause ? { type: cause.name, code: cause.code } : undefined,
  };
}

export const logger = pino({
  level: serverConfig().LOG_LEVEL,
  base: { service: 'bilingual-talent' },
  serializers: { err: errorSummary, error: errorSummary },
  redact: {
    paths: [
      ...personalFields,
      ...personalFields.map((f) => `*.${f}`),
      ...personalFields.map((f) => `*.*.${f}`),
      'req.headers.cookie',
      'req.headers.authorization',
    ],
    censor: '[redacted]',
  },
});

/** The id proxy.ts gave the request being served; undefined outside a request (scripts, tests). */
export async function currentRequestId(): Promise<string | undefined> {
  try {
    return (await headers()).get(requestIdHeader) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The logger for the request being served, carrying its id (`given`, or the one proxy.ts set); the plain logger
 * outside a request.
 */
export async function requestLogger(given?: string): Promise<Logger> {
  const requestId = given ?? (await currentRequestId());
  return requestId ? logger.child({ requestId }) : logger;
}
