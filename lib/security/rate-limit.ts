import 'server-only';
import { createHash } from 'node:crypto';
import { db, Prisma } from '@/lib/db/client';
import { serverConfig } from '@/lib/config/env';
import { rateLimitSubject } from './trusted-proxies';

export interface RateLimitRule {
  /** Attempts allowed per window. */
  points: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Attempts counted in the current window, this one included. */
  consumed: number;
  /** Seconds until the window ends. */
  retryAfterSeconds: number;
}

/**
 * The CTEs `clock` and `limiter` that count one attempt for `key` in the `rate_limits` table (the layout rate-limiter-flexible's Postgres store uses: key, points, expire in
 * epoch milliseconds), as one atomic upsert. Being in PostgreSQL, the count holds across every app instance;
 * being one statement, concurrent attempts cannot both read a stale count. The window is fixed and timed by the
 * database clock, so instances with skewed clocks agree. A fragment, so that a write the limit guards can join
 * the same statement and cost no second round trip (lib/candidates/sign-up.ts). A second limit in the same
 * statement (per address and per email) is `limiterCteSql` with another name, after these.
 */
export function rateLimitCtesSql(key: string, windowMs: number): Prisma.Sql {
  return Prisma.sql`clock AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS now),
    ${limiterCteSql('limiter', key, windowMs)}`;
}

/** One more counter, named `name`, for a statement that already has the `clock` CTE of rateLimitCtesSql. */
export function limiterCteSql(name: string, key: string, windowMs: number): Prisma.Sql {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`not an SQL identifier: ${name}`);
  return Prisma.sql`${Prisma.raw(name)} AS (
      INSERT INTO rate_limits AS r (key, points, expire)
      SELECT ${key}::text, 1, clock.now + ${windowMs}::bigint FROM clock
      ON CONFLICT (key) DO UPDATE SET
        points = CASE WHEN r.expire IS NULL OR r.expire <= (SELECT now FROM clock) THEN 1 ELSE r.points + 1 END,
        expire = CASE WHEN r.expire IS NULL OR r.expire <= (SELECT now FROM clock) THEN EXCLUDED.expire ELSE r.expire END
      RETURNING r.points, r.expire, (SELECT now FROM clock) AS now
    )`;
}

/** A row of `limiter`, as the Prisma client returns it (bigint columns come back as bigint). */
export interface LimiterRow {
  points: number;
  expire: bigint;
  now: bigint;
}

/** What `limiter` returned, read against the rule. */
export function rateLimitResult(row: LimiterRow, rule: RateLimitRule): RateLimitResult {
  const consumed = Number(row.points);
  return {
    allowed: consumed <= rule.points,
    consumed,
    retryAfterSeconds: Math.max(1, Math.ceil(Number(row.expire - row.now) / 1000)),
  };
}

/** Counts one attempt for `key` on its own. */
export async function consumeRateLimit(key: string, rule: RateLimitRule): Promise<RateLimitResult> {
  const rows = await db().$queryRaw<LimiterRow[]>(
    Prisma.sql`WITH ${rateLimitCtesSql(key, rule.windowSeconds * 1000)} SELECT points, expire, now FROM limiter`,
  );
  return rateLimitResult(rows[0]!, rule);
}

/** Rows of windows that ended long ago: the key holds a (hashed) client address, so it is not kept. */
export async function purgeExpiredRateLimits(prefix: string, olderThanSeconds = 86_400): Promise<number> {
  return db().$executeRaw`
    DELETE FROM rate_limits
     WHERE key LIKE ${`${prefix}%`}
       AND expire < (extract(epoch FROM clock_timestamp()) * 1000)::bigint - ${olderThanSeconds * 1000}::bigint`;
}

/**
 * A key for a client address that does not keep the address itself; IPv6 clients by their /64. `null` (no
 * client-address hook saw the request: see lib/security/client-address.ts) cannot happen under `next start`.
 */
export function addressKey(prefix: string, address: string | null): string {
  if (!address) return `${prefix}unknown`;
  return `${prefix}${createHash('sha256').update(rateLimitSubject(address)).digest('hex').slice(0, 32)}`;
}

/**
 * Sign-up attempts per client address: 60 per 10 minutes unless configured otherwise, so a class signing up
 * together behind one school network gets through; the per-email rule below stops one address being flooded.
 */
export function signUpRateLimitRule(): RateLimitRule {
  const config = serverConfig();
  return { points: config.SIGNUP_RATE_LIMIT_POINTS, windowSeconds: config.SIGNUP_RATE_LIMIT_WINDOW_SECONDS };
}

/** Sign-ups (and so confirmation mails) per email address: 3 per hour unless configured otherwise. */
export function signUpEmailRateLimitRule(): RateLimitRule {
  const config = serverConfig();
  return { points: config.SIGNUP_EMAIL_RATE_LIMIT_POINTS, windowSeconds: config.SIGNUP_EMAIL_RATE_LIMIT_WINDOW_SECONDS };
}

/** Organizations' requests per client address, and per email address (3 a day). */
export function organizationRateLimitRules(): { address: RateLimitRule; email: RateLimitRule } {
  const config = serverConfig();
  return {
    address: { points: config.ORG_REQUEST_RATE_LIMIT_POINTS, windowSeconds: config.ORG_REQUEST_RATE_LIMIT_WINDOW_SECONDS },
    email: { points: 3, windowSeconds: 86_400 },
  };
}

/** A key for an email address that does not keep the address itself. */
export function emailKey(prefix: string, email: string): string {
  return `${prefix}${createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32)}`;
}
