import 'server-only';
import { db, Prisma } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';
import type { ConsentPurpose } from '@/lib/consent/policy';
import { isUuid } from '@/lib/ids';
import { siteUtcOffsetHours } from '@/lib/time-zone';
import { authorize, type Viewer } from '@/lib/staff/session';
import { headingColumns, withEmployerName, type OpportunityHeading } from './heading';

// Who an opportunity is for: confirmed candidates (status active) whose consent for the opportunity's purpose is in
// force, at or above its English level, in one of its municipalities (any, when it is remote or names none), with
// one of its interest areas (any, when it names none), and within its age range (none set: any age). The criteria
// are written into the WHERE clause as values on the candidates' own columns (never a join to the opportunity), so
// the planner can use the indexes on those columns and the count, the list and the announcement read the same rows.

/** The purpose a candidate must have consented to for an opportunity of this kind (lib/consent/policy.ts). */
export function purposeFor(kind: 'cohort' | 'job'): ConsentPurpose {
  return kind === 'cohort' ? 'training-offers' : 'job-opportunities';
}

export interface MatchCriteria {
  kind: 'cohort' | 'job';
  minEnglishLevel: string | null;
  municipalities: string[] | null;
  remote: boolean;
  interests: string[] | null;
  minAge: number | null;
  maxAge: number | null;
}

/** The columns of the `MatchCriteria` on an opportunity. */
export const matchCriteriaColumns = {
  kind: true,
  minEnglishLevel: true,
  municipalities: true,
  remote: true,
  interests: true,
  minAge: true,
  maxAge: true,
} as const;

/** The calendar year in Colombia now: a candidate's age is this year minus their birth year. */
export function siteYear(now = new Date()): number {
  return new Date(now.getTime() + siteUtcOffsetHours * 3_600_000).getUTCFullYear();
}

/**
 * The WHERE condition on `candidates c` for these criteria. Ages are counted as the sign-up form asks them (by birth
 * year): someone born in 1990 is 36 for all of 2026, so a range of 18–45 takes birth years from year−45 to year−18.
 */
export function matchConditionSql(criteria: MatchCriteria, year = siteYear()): Prisma.Sql {
  const conditions: Prisma.Sql[] = [
    Prisma.sql`c.status = 'active'`,
    Prisma.sql`c.consent_purposes @> ARRAY[${purposeFor(criteria.kind)}]::text[]`,
  ];
  if (criteria.minEnglishLevel) conditions.push(Prisma.sql`c.english_level >= ${criteria.minEnglishLevel}::english_level`);
  const municipalities = criteria.municipalities ?? [];
  if (!criteria.remote && municipalities.length > 0) conditions.push(Prisma.sql`c.municipality = ANY(${municipalities}::text[])`);
  const interests = criteria.interests ?? [];
  if (interests.length > 0) conditions.push(Prisma.sql`c.interests && ${interests}::text[]`);
  if (criteria.minAge !== null) conditions.push(Prisma.sql`c.birth_year <= ${year - criteria.minAge}::int`);
  if (criteria.maxAge !== null) conditions.push(Prisma.sql`c.birth_year >= ${year - criteria.maxAge}::int`);
  return Prisma.join(conditions, ' AND ');
}

export interface OpportunitySummary extends MatchCriteria, OpportunityHeading {}

/** The opportunity as matching and the staff pages read it, or null. Not personal data: no viewer needed. */
export async function opportunitySummary(id: string): Promise<OpportunitySummary | null> {
  if (!isUuid(id)) return null;
  const row = await db().opportunity.findUnique({ where: { id }, select: { ...headingColumns, ...matchCriteriaColumns } });
  return row && withEmployerName(row);
}

export interface MatchingCandidate {
  id: string;
  fullName: string;
  municipality: string;
  birthYear: number;
  englishLevel: string;
  interests: string[];
  /** Already announced (or otherwise in this opportunity's pipeline): an announcement skips them. */
  inPipeline: boolean;
}

export interface Matches {
  opportunity: OpportunitySummary;
  /** Every eligible candidate now. */
  total: number;
  /** Of those, the ones an announcement would write to now (not yet in the pipeline). */
  toAnnounce: number;
  page: number;
  pageSize: number;
  candidates: MatchingCandidate[];
}

export const matchesPageSize = 50;

/** The count of every matching candidate and those not yet announced to, with no page of names: for the bench. */
export async function countMatches(criteria: MatchCriteria, opportunityId: string): Promise<{ total: number; toAnnounce: number }> {
  const [row] = await db().$queryRaw<{ total: number; in_pipeline: number }[]>(Prisma.sql`
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM opportunity_candidates oc WHERE oc.opportunity_id = ${opportunityId}::uuid AND oc.candidate_id = c.id))::int AS in_pipeline
      FROM candidates c
     WHERE ${matchConditionSql(criteria)}`);
  return { total: row?.total ?? 0, toAnnounce: (row?.total ?? 0) - (row?.in_pipeline ?? 0) };
}

/**
 * The matching candidates of an opportunity, with their count, for the staff member about to announce it. Reading
 * names is a use of personal data: audited with the opportunity and the count (not the names).
 */
export async function findMatches(
  viewer: Viewer,
  opportunityId: string,
  options: { page?: number; ipAddress?: string | null } = {},
): Promise<Matches | null> {
  const actor = await authorize(viewer, 'candidates:read');
  const opportunity = await opportunitySummary(opportunityId);
  if (!opportunity) return null;
  const counts = await countMatches(opportunity, opportunity.id);
  const lastPage = Math.max(1, Math.ceil(counts.total / matchesPageSize));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), lastPage);
  const rows = await db().$queryRaw<
    { id: string; full_name: string; municipality: string; birth_year: number; english_level: string; interests: string[] | null; in_pipeline: boolean }[]
  >(Prisma.sql`
    SELECT c.id, c.full_name, c.municipality, c.birth_year, c.english_level::text AS english_level, c.interests,
           EXISTS (SELECT 1 FROM opportunity_candidates oc WHERE oc.opportunity_id = ${opportunity.id}::uuid AND oc.candidate_id = c.id) AS in_pipeline
      FROM candidates c
     WHERE ${matchConditionSql(opportunity)}
     ORDER BY c.created_at DESC, c.id DESC
     LIMIT ${matchesPageSize}::int OFFSET ${(page - 1) * matchesPageSize}::int`);
  await recordAudit({
    actor,
    action: 'opportunity.matches',
    details: { opportunityId: opportunity.id, matching: counts.total, page },
    ipAddress: options.ipAddress ?? null,
  });
  return {
    opportunity,
    ...counts,
    page,
    pageSize: matchesPageSize,
    candidates: rows.map((r) => ({
      id: r.id,
      fullName: r.full_name,
      municipality: r.municipality,
      birthYear: r.birth_year,
      englishLevel: r.english_level,
      interests: r.interests ?? [],
      inPipeline: r.in_pipeline,
    })),
  };
}
