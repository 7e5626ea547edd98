// Telling "the database is not there right now" (answer 503, keep the person's input, try again later)
// apart from every other failure (a bug: answer 500).

// SQLSTATE classes and codes that mean the server is unreachable, restarting or refusing connections.
const unavailableSqlStates = [/^08/, /^57P0[1-3]$/, /^53300$/, /^53R00$/];
// Prisma's codes for reaching or talking to the server (P1xxx) and for an exhausted pool (P2024).
const unavailablePrismaCodes = new Set(['P1001', 'P1002', 'P1008', 'P1011', 'P1017', 'P2024']);
const unavailableAdapterKinds = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TransactionAlreadyClosed',
]);
const unavailableNodeCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
const unavailableMessages = [
  /timeout exceeded when trying to connect/i,
  /Connection terminated/i,
  /terminating connection/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /Can't reach database server/i,
  /Server has closed the connection/i,
  /Client has encountered a connection error/i,
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: string; originalCode?: string } } };
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code && (unavailablePrismaCodes.has(code) || unavailableNodeCodes.has(code))) return true;
  if (code && /^[0-9A-Z]{5}$/.test(code) && unavailableSqlStates.some((re) => re.test(code))) return true;
  const adapterCause = e.meta?.driverAdapterError?.cause;
  if (adapterCause?.kind && unavailableAdapterKinds.has(adapterCause.kind)) return true;
  if (adapterCause?.originalCode && unavailableSqlStates.some((re) => re.test(adapterCause.originalCode!))) return true;
  if (typeof e.message === 'string' && unavailableMessages.some((re) => re.test(e.message as string))) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
