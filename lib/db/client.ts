import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';
import { databaseUrl, serverConfig } from '@/lib/config/env';

export type Db = PrismaClient;
/** SQL fragments with their values embedded as parameters (Prisma.sql, Prisma.join, Prisma.raw for identifiers). */
export { Prisma } from './generated/client.ts';

interface Pooled {
  url: string;
  client: PrismaClient;
}

// One pool per process, kept on globalThis so dev reloads and test files reuse it.
const holder = globalThis as typeof globalThis & { __bilingualTalentDb?: Pooled };

/** The shared Prisma client. Created lazily so a page that never touches the database never needs one. */
export function db(): PrismaClient {
  const url = databaseUrl();
  const current = holder.__bilingualTalentDb;
  if (current && current.url === url) return current.client;
  if (current) void current.client.$disconnect();
  const config = serverConfig();
  const adapter = new PrismaPg({
    connectionString: url,
    max: config.DATABASE_POOL_MAX,
    // The adapter waits forever by default: a database outage must fail fast and visibly instead.
    connectionTimeoutMillis: config.DATABASE_CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    query_timeout: config.DATABASE_QUERY_TIMEOUT_MS,
    application_name: 'bilingual-talent',
  });
  const client = new PrismaClient({ adapter });
  holder.__bilingualTalentDb = { url, client };
  return client;
}

/** Close the pool (graceful shutdown, tests switching databases). */
export async function disconnectDb(): Promise<void> {
  const current = holder.__bilingualTalentDb;
  holder.__bilingualTalentDb = undefined;
  if (current) await current.client.$disconnect();
}

/** Whether the database answers `SELECT 1` within `timeoutMs` (readiness). Never throws. */
export async function databaseAnswers(timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = Promise.resolve()
    .then(() => db().$queryRaw`SELECT 1`)
    .then(() => true, () => false);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
