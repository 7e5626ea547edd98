import 'server-only';
import { db } from '@/lib/db/client';
import { siteTimeZone } from '@/lib/time-zone';
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

export async function candidateStats(viewer: Viewer): Promise<CandidateStats> {
  await authorize(viewer, 'candidates:read');
  const prisma = db();
  const [totals] = await prisma.$queryRawUnsafe<
    { total: number; in_force: number; revoked: number; pending: number; last30: number }[]
  >(`SELECT count(*)::int AS total,
            count(*) FILTER (WHERE c.status = 'active')::int AS in_force,
            count(*) FILTER (WHERE c.status = 'revoked')::int AS revoked,
            count(*) FILTER (WHERE c.status = 'pending')::int AS pending,
            count(*) FILTER (WHERE c.created_at >= now() - interval '30 days')::int AS last30
       FROM candidates c`);
  const weekly = await prisma.$queryRaw<{ week_start: string; count: number }[]>`
    WITH weeks AS (
      SELECT generate_series(
        date_trunc('week', (now() AT TIME ZONE ${siteTimeZone})) - interval '11 weeks',
        date_trunc('week', (now() AT TIME ZONE ${siteTimeZone})),
        interval '1 week') AS week_start
    )
    SELECT to_char(w.week_start, 'YYYY-MM-DD') AS week_start, count(c.id)::int AS count
      FROM weeks w
      LEFT JOIN candidates c
        ON date_trunc('week', c.created_at AT TIME ZONE ${siteTimeZone}) = w.week_start
     GROUP BY w.week_start ORDER BY w.week_start`;
  const grouped = (sql: string) => prisma.$queryRawUnsafe<Count[]>(sql);
  const [byEnglishLevel, byMunicipality, byInterest, byProgram] = await Promise.all([
    grouped(`SELECT english_level::text AS key, count(*)::int AS count FROM candidates GROUP BY 1 ORDER BY 1`),
    grouped(`SELECT municipality AS key, count(*)::int AS count FROM candidates GROUP BY 1 ORDER BY 2 DESC, 1`),
    grouped(`SELECT unnest(interests) AS key, count(*)::int AS count FROM candidates GROUP BY 1 ORDER BY 2 DESC, 1`),
    grouped(`SELECT unnest(programs) AS key, count(*)::int AS count FROM candidates GROUP BY 1 ORDER BY 2 DESC, 1`),
  ]);
  return {
    total: totals?.total ?? 0,
    consentInForce: totals?.in_force ?? 0,
    consentRevoked: totals?.revoked ?? 0,
    pending: totals?.pending ?? 0,
    last30Days: totals?.last30 ?? 0,
    weekly: weekly.map((w) => ({ weekStart: w.week_start, count: w.count })),
    byEnglishLevel,
    byMunicipality,
    byInterest,
    byProgram,
  };
}
