import 'server-only';
import { unstable_cache } from 'next/cache';
import { db } from '@/lib/db/client';
import { serverConfig } from '@/lib/config/env';
import { siteTimeZone } from '@/lib/time-zone';
import { englishLevels, interestOptions, programOptions } from '@/lib/candidates/options';
import { buildTalentPool, type PoolCounts, type TalentPool } from './pool';

// The public talent-pool page's figures: counts of the confirmed candidates whose consent is in force
// (candidates.status = 'active'), by English level, municipality, interest, program and quarter joined, each
// table suppressed (./suppression.ts) before it leaves this module. No row, name or other personal detail is read:
// only counts, grouped in SQL. That is why this function takes no viewer, unlike every other read of `candidates`.

/** The cache tag of the figures; the on-demand revalidation (app/api/talent-pool/revalidate) expires it. */
export const talentPoolTag = 'talent-pool';

/** How long after a failed or skipped read (the build, which never reads the database) the page is tried again. */
export const talentPoolRetrySeconds = 10;

export function talentPoolRevalidateSeconds(): number {
  return serverConfig().TALENT_POOL_REVALIDATE_SECONDS;
}

/**
 * The published figures, or null at build time: `next build` never reads the database (it may not be reachable
 * from the build machine), so the page is prerendered without figures and regenerated on the first visit after
 * `talentPoolRetrySeconds`. At run time a database error throws: Next keeps serving the page it has and tries again
 * on a later visit, so a visitor never waits for the database nor sees an error.
 *
 * Read through Next's data cache, so both languages and both CSV files share one query per period; the period is
 * part of the key, so a page regenerated when its period ends never gets the previous period's figures back. Its
 * `revalidate` is also what sets the page's own regeneration period (TALENT_POOL_REVALIDATE_SECONDS): a route
 * segment's `revalidate` must be a literal, which configuration cannot change.
 */
export async function publishedTalentPool(): Promise<TalentPool | null> {
  if (process.env.NEXT_PHASE === 'phase-production-build' || !serverConfig().DATABASE_URL) {
    await unstable_cache(async () => null, ['talent-pool-retry'], { revalidate: talentPoolRetrySeconds })();
    return null;
  }
  const seconds = talentPoolRevalidateSeconds();
  const period = Math.floor(Date.now() / (seconds * 1000));
  const cached = unstable_cache(async () => buildTalentPool(await readCounts(), new Date().toISOString()), ['talent-pool', String(seconds), String(period)], {
    revalidate: seconds,
    tags: [talentPoolTag],
  });
  return cached();
}

/** The raw counts, in one round trip. Exported for the integration test only; never shown unsuppressed. */
export async function readCounts(): Promise<PoolCounts> {
  const rows = await db().$queryRaw<{ dimension: string; key: string; count: number }[]>`
    WITH pool AS (
      SELECT english_level::text AS level, municipality, interests, programs,
             to_char(date_trunc('quarter', coalesce(confirmed_at, created_at) AT TIME ZONE ${siteTimeZone}), 'YYYY-"Q"Q') AS quarter
        FROM candidates
       WHERE status = 'active'
    )
    SELECT 'total' AS dimension, '' AS key, count(*)::int AS count FROM pool
    UNION ALL SELECT 'level', level, count(*)::int FROM pool GROUP BY level
    UNION ALL SELECT 'municipality', municipality, count(*)::int FROM pool GROUP BY municipality
    UNION ALL SELECT 'interest', interest, count(*)::int FROM pool, unnest(interests) AS interest GROUP BY interest
    UNION ALL SELECT 'program', program, count(*)::int FROM pool, unnest(programs) AS program GROUP BY program
    UNION ALL SELECT 'quarter', quarter, count(*)::int FROM pool GROUP BY quarter`;
  const of = (dimension: string) => new Map(rows.filter((row) => row.dimension === dimension).map((row) => [row.key, row.count]));
  const withAll = (dimension: string, keys: readonly string[]) => {
    const counts = of(dimension);
    return keys.map((key) => ({ key, count: counts.get(key) ?? 0 }));
  };
  return {
    total: of('total').get('') ?? 0,
    // Fixed lists are listed whole, empty cells included (withheld like any small one), so that a withheld cell
    // never tells that someone has that answer.
    levels: withAll('level', englishLevels),
    interests: withAll('interest', interestOptions),
    programs: withAll('program', programOptions),
    municipalities: [...of('municipality')].map(([key, count]) => ({ key, count })),
    quarters: [...of('quarter')].map(([key, count]) => ({ key, count })),
  };
}
