import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';

export type Db = PrismaClient;

interface Pooled {
  url: string;
  client: PrismaClient;
}

// One pool per process, kept on globalThis so dev reloads and test files reuse it.
const holder = globalThis as typeof globalThis & { __bilingualTalentDb?: Pooled };

function poolSize(): number {
  const raw = Number(process.env.DATABASE_POOL_MAX ?? 10);
  return Number.isInteger(raw) && raw > 0 ? raw : 10;
}

/** The shared Prisma client. Created lazily so a page that never touches the database never needs one. */
export function db(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const current = holder.__bilingualTalentDb;
  if (current && current.url === url) return current.client;
  if (current) void current.client.$disconnect();
  const adapter = new PrismaPg({
    connectionString: url,
    max: poolSize(),
    // The adapter waits forever by default: a database outage must fail fast and visibly instead.
    connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 5_000),
    idleTimeoutMillis: 30_000,
    query_timeout: Number(process.env.DATABASE_QUERY_TIMEOUT_MS ?? 15_000),
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
