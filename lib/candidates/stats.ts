import 'server-only';
import { db, Prisma } from '@/lib/db/client';
import { siteTimeZone, siteWallClock } from '@/lib/time-zone';
import { authorize, type Viewer } from '@/lib/staff/session';

// Counts for the staff dashboard. No personal data leaves this module, but the counts are still about
// people, so reading them takes a staff session like everything else.

export interface Count {
  key: string;
  count: number;
}

export interface CandidateStats {
  total: number;
  /** Confirmed, with consent in force (status active). */
  consentInForce: number;
  consentRevoked: number;
  /** Signed up, never confirmed. */
  pending: number;
  last30Days: number;
  /** Sign-ups per week (weeks start on Monday, Colombia time), oldest first, the last 12 weeks. */
  weekly: { weekStart: string; count: number }[];
  byEnglishLevel: Count[];
  byMunicipality: Count[];
  byInterest: Count[];
  byProgram: Count[];
}

/** The dashboard's one statement (exported for scripts/explain-staff-queries.ts). */
export function statsSql(): Prisma.Sql {
  return Prisma.sql`
    WITH today AS (SELECT (now() AT TIME ZONE ${siteTimeZone})::date AS day),
    totals AS (
      SELECT dimension, key, status, sum(n)::int AS n
        FROM (SELECT dimension, key, status, n FROM candidate_total_counts
              UNION ALL
              SELECT dimension, key, status, delta FROM candidate_count_pending()) t
       GROUP BY 1, 2, 3
    ),
    days AS (
      SELECT day, sum(n)::int AS n
        FROM (SELECT k.day, k.n FROM candidate_daily_counts k, today t
               WHERE k.dimension = 'all' AND k.key = '' AND k.day >= date_trunc('week', t.day::timestamp)::date - 77
              UNION ALL
              SELECT day, delta FROM candidate_count_pending() WHERE dimension = 'all') d
       GROUP BY 1
    )
    SELECT dimension AS kind, key, status::text AS status, n FROM totals WHERE n <> 0
    UNION ALL
    SELECT 'week', to_char(date_trunc('week', d.day::timestamp), 'YYYY-MM-DD'), '', sum(d.n)::int
      FROM days d, today WHERE d.day >= date_trunc('week', today.day::timestamp)::date - 77 GROUP BY 2
    UNION ALL
    SELECT 'last30', '', '', coalesce(sum(d.n), 0)::int FROM days d, today WHERE d.day > today.day - 30`;
}

/**
 * Read from the counts kept as candidates change (issue-20 migration): the folded counts plus the changes not
 * folded yet, in one statement (one snapshot), so the numbers are exact and a few hundred rows are read whatever
 * the size of the pool. "Last 30 days" is today and the 29 days before it, in Colombia.
 */
export async function candidateStats(viewer: Viewer): Promise<CandidateStats> {
  await authorize(viewer, 'candidates:read');
  const rows = await db().$queryRaw<{ kind: string; key: string; status: string; n: number }[]>(statsSql());

  const byStatus = { pending: 0, active: 0, revoked: 0 } as Record<string, number>;
  const grouped: Record<string, Map<string, number>> = { level: new Map(), municipality: new Map(), interest: new Map(), program: new Map() };
  const weeks = new Map<string, number>();
  let last30Days = 0;
  for (const row of rows) {
    if (row.kind === 'all') byStatus[row.status] = (byStatus[row.status] ?? 0) + row.n;
    else if (row.kind === 'week') weeks.set(row.key, row.n);
    else if (row.kind === 'last30') last30Days = row.n;
    else grouped[row.kind]?.set(row.key, (grouped[row.kind]!.get(row.key) ?? 0) + row.n);
  }
  const list = (kind: string, byKey = false): Count[] =>
    [...grouped[kind]!.entries()]
      .filter(([, count]) => count > 0)
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => (byKey ? a.key.localeCompare(b.key) : b.count - a.count || a.key.localeCompare(b.key)));

  // The 12 weeks up to this one (weeks start on Monday, Colombia time), oldest first, empty weeks included.
  const today = siteWallClock(new Date());
  const monday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7)));
  const weekly = Array.from({ length: 12 }, (_, i) => {
    const start = new Date(monday.getTime() - (11 - i) * 7 * 86_400_000).toISOString().slice(0, 10);
    return { weekStart: start, count: weeks.get(start) ?? 0 };
  });
  return {
    total: byStatus.pending! + byStatus.active! + byStatus.revoked!,
    consentInForce: byStatus.active!,
    consentRevoked: byStatus.revoked!,
    pending: byStatus.pending!,
    last30Days,
    weekly,
    byEnglishLevel: list('level', true),
    byMunicipality: list('municipality'),
    byInterest: list('interest'),
    byProgram: list('program'),
  };
}

/** Fold the changes into the dashboard's counts (the job worker, every CANDIDATE_COUNTS_FOLD_MINUTES). */
export async function foldCandidateCounts(): Promise<number> {
  const [row] = await db().$queryRaw<{ folded: number }[]>`SELECT fold_candidate_counts() AS folded`;
  return row?.folded ?? 0;
}
