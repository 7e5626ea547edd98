import 'server-only';
import { db, Prisma } from '@/lib/db/client';
import { authorize, type Viewer } from '@/lib/staff/session';
import { siteUtcOffsetHours } from '@/lib/time-zone';
import type { AuditFilters } from './filters';

export interface AuditEntry {
  id: string;
  createdAt: Date;
  actorEmail: string | null;
  action: string;
  details: unknown;
  ipAddress: string | null;
}

export const auditPageSize = 50;

/**
 * A burst of failed sign-ins: at least `burstThreshold` failures for one account (the email typed) or from one
 * address within `burstWindowMinutes`. Sign-in locks an account after fewer (lib/staff/sign-in.ts), so a burst
 * means someone kept trying a locked or unknown account, or one address tried many: worth a look.
 */
export const burstThreshold = 10;
export const burstWindowMinutes = 15;
/** Without a date filter, bursts are looked for in the last days. */
export const burstLookbackDays = 7;

export interface SignInBurst {
  kind: 'account' | 'address';
  key: string;
  /** The most failures within one window. */
  most: number;
  /** When the first window reached the threshold, and the last failure that kept one above it. */
  firstAt: Date;
  lastAt: Date;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The start of a day (YYYY-MM-DD) in the site's time zone. */
function dayStart(day: string, plusDays = 0): Date {
  const start = new Date(`${day}T00:00:00Z`);
  return new Date(start.getTime() + plusDays * 86_400_000 - siteUtcOffsetHours * 3_600_000);
}

function whereSql(filters: AuditFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.action) parts.push(Prisma.sql`action = ${filters.action}`);
  if (filters.from) parts.push(Prisma.sql`created_at >= ${dayStart(filters.from)}`);
  if (filters.to) parts.push(Prisma.sql`created_at < ${dayStart(filters.to, 1)}`);
  if (filters.person) {
    const person = filters.person;
    if (uuid.test(person)) {
      const id = person.toLowerCase();
      parts.push(Prisma.sql`(actor_id::text = ${id} OR details->>'candidateId' = ${id} OR details->>'accountId' = ${id})`);
    } else {
      const like = `%${person.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      parts.push(Prisma.sql`(actor_email ILIKE ${like} OR details->>'email' ILIKE ${like} OR ip_address = ${person})`);
    }
  }
  return Prisma.join(parts, ' AND ');
}

/**
 * The audit log, newest first, filtered; a page of `auditPageSize` events older than `before` (an event id: keyset
 * paging, so a page costs the same however far back it is, and events written meanwhile do not shift it). Admins
 * only.
 */
export async function listAuditEvents(
  viewer: Viewer,
  filters: AuditFilters,
  before?: bigint,
): Promise<{ rows: AuditEntry[]; olderThan: string | null; bursts: SignInBurst[] }> {
  await authorize(viewer, 'audit:read');
  const prisma = db();
  const rows = await prisma.$queryRaw<{ id: bigint; created_at: Date; actor_email: string | null; action: string; details: unknown; ip_address: string | null }[]>`
    SELECT id, created_at, actor_email, action, details, ip_address
      FROM audit_events
     WHERE ${whereSql(filters)} ${before ? Prisma.sql`AND id < ${before}` : Prisma.empty}
     ORDER BY id DESC
     LIMIT ${auditPageSize + 1}`;
  const page = rows.slice(0, auditPageSize);
  return {
    rows: page.map((r) => ({
      id: r.id.toString(),
      createdAt: r.created_at,
      actorEmail: r.actor_email,
      action: r.action,
      details: r.details,
      ipAddress: r.ip_address,
    })),
    olderThan: rows.length > auditPageSize ? page.at(-1)!.id.toString() : null,
    bursts: await signInBursts(filters),
  };
}

/** Bursts of failed sign-ins in the filtered days (or the last `burstLookbackDays`), most recent first. */
async function signInBursts(filters: AuditFilters): Promise<SignInBurst[]> {
  const from = filters.from ? dayStart(filters.from) : new Date(Date.now() - burstLookbackDays * 86_400_000);
  const to = filters.to ? dayStart(filters.to, 1) : new Date(Date.now() + 60_000);
  const window = Prisma.raw(`interval '${burstWindowMinutes} minutes'`);
  // For each failure, the failures of the same account (or address) in the window before it; a key whose count
  // reaches the threshold is a burst.
  const rows = await db().$queryRaw<{ kind: 'account' | 'address'; key: string; most: number; first_at: Date; last_at: Date }[]>`
    WITH failures AS (
      SELECT created_at, lower(actor_email) AS account, ip_address AS address
        FROM audit_events
       WHERE action = 'staff.sign-in-failed' AND created_at >= ${from} AND created_at < ${to}
    ), counted AS (
      SELECT 'account' AS kind, account AS key, created_at,
             count(*) OVER (PARTITION BY account ORDER BY created_at RANGE BETWEEN ${window} PRECEDING AND CURRENT ROW) AS n
        FROM failures WHERE account IS NOT NULL
      UNION ALL
      SELECT 'address', address, created_at,
             count(*) OVER (PARTITION BY address ORDER BY created_at RANGE BETWEEN ${window} PRECEDING AND CURRENT ROW)
        FROM failures WHERE address IS NOT NULL
    )
    SELECT kind, key, max(n)::int AS most,
           min(created_at) FILTER (WHERE n >= ${burstThreshold}) AS first_at,
           max(created_at) FILTER (WHERE n >= ${burstThreshold}) AS last_at
      FROM counted
     GROUP BY kind, key
    HAVING max(n) >= ${burstThreshold}
     ORDER BY last_at DESC, kind, key
     LIMIT 20`;
  return rows.map((r) => ({ kind: r.kind, key: r.key, most: r.most, firstAt: r.first_at, lastAt: r.last_at }));
}
