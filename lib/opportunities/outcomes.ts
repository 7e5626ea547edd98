import 'server-only';
import { db, Prisma } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';
import { siteTimeZone } from '@/lib/time-zone';
import { authorize, type Viewer } from '@/lib/staff/session';

// What came of the opportunities, per program (cohorts) and per employer (jobs), month by month in Colombia: the
// candidates announced to, those who said they were interested, those referred, those hired or enrolled. Counts
// only (nobody named). A candidate counts once per opportunity and measure, in the month it first happened:
// announced and interested from their pipeline row, referred and placed from the first event with that status.

export const outcomeMeasures = ['announced', 'interested', 'referred', 'placed'] as const;
export type OutcomeMeasure = (typeof outcomeMeasures)[number];

export interface OutcomeRow {
  /** `program` (a cohort's program slug) or `employer` (a job's employer). */
  dimension: 'program' | 'employer';
  /** The program's slug, or the employer's name. */
  group: string;
  /** First day of the month, YYYY-MM-01. */
  month: string;
  announced: number;
  interested: number;
  referred: number;
  placed: number;
}

/** The last `months` months (this one included), oldest first within each group. */
export async function opportunityOutcomes(viewer: Viewer, options: { months?: number } = {}): Promise<OutcomeRow[]> {
  await authorize(viewer, 'candidates:read');
  return outcomesTable(options.months ?? 12);
}

async function outcomesTable(months: number): Promise<OutcomeRow[]> {
  const rows = await db().$queryRaw<(Omit<OutcomeRow, 'month'> & { month: string })[]>(Prisma.sql`
    WITH since AS (SELECT date_trunc('month', now() AT TIME ZONE ${siteTimeZone}) - make_interval(months => ${months - 1}::int) AS month),
    facts AS (
      SELECT opportunity_id, 'announced' AS measure, announced_at AS at FROM opportunity_candidates WHERE announced_at IS NOT NULL
      UNION ALL
      SELECT opportunity_id, 'interested', interested_at FROM opportunity_candidates WHERE interested_at IS NOT NULL
      UNION ALL
      SELECT opportunity_id, status::text, min(created_at) FROM opportunity_pipeline_events
       WHERE status IN ('referred', 'placed') GROUP BY opportunity_id, candidate_id, status
    )
    SELECT CASE o.kind WHEN 'cohort' THEN 'program' ELSE 'employer' END AS dimension,
           COALESCE(CASE o.kind WHEN 'cohort' THEN o.program ELSE p.name END, '') AS "group",
           to_char(date_trunc('month', f.at AT TIME ZONE ${siteTimeZone}), 'YYYY-MM-DD') AS month,
           count(*) FILTER (WHERE f.measure = 'announced')::int AS announced,
           count(*) FILTER (WHERE f.measure = 'interested')::int AS interested,
           count(*) FILTER (WHERE f.measure = 'referred')::int AS referred,
           count(*) FILTER (WHERE f.measure = 'placed')::int AS placed
      FROM facts f
      JOIN opportunities o ON o.id = f.opportunity_id
      LEFT JOIN partner_organizations p ON p.id = o.employer_id
     WHERE f.at AT TIME ZONE ${siteTimeZone} >= (SELECT month FROM since)
     GROUP BY 1, 2, 3
     ORDER BY 1 DESC, 2, 3`);
  return rows;
}

/** The same table as CSV rows, downloaded: audited like any export (counts only, so no candidate is named). */
export async function outcomesForExport(viewer: Viewer, context: { ipAddress: string | null; months?: number }): Promise<OutcomeRow[]> {
  const actor = await authorize(viewer, 'candidates:read');
  const rows = await outcomesTable(context.months ?? 12);
  await recordAudit({ actor, action: 'opportunity.outcomes-export', details: { rows: rows.length }, ipAddress: context.ipAddress });
  return rows;
}

/** Totals per group over the whole period, and per month over all groups: what the charts draw. */
export function summarize(rows: OutcomeRow[]) {
  const zero = () => ({ announced: 0, interested: 0, referred: 0, placed: 0 });
  const groups = new Map<string, { dimension: OutcomeRow['dimension']; group: string } & Record<OutcomeMeasure, number>>();
  const months = new Map<string, Record<OutcomeMeasure, number>>();
  for (const row of rows) {
    const key = `${row.dimension}\u0000${row.group}`;
    const g = groups.get(key) ?? { dimension: row.dimension, group: row.group, ...zero() };
    const m = months.get(row.month) ?? zero();
    for (const measure of outcomeMeasures) {
      g[measure] += row[measure];
      m[measure] += row[measure];
    }
    groups.set(key, g);
    months.set(row.month, m);
  }
  return {
    groups: [...groups.values()],
    months: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, values]) => ({ month, ...values })),
  };
}
