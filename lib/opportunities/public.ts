import 'server-only';
import { db } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { ConfigError } from '@/lib/config/env';
import type { EnglishLevel } from '@/lib/candidates/options';
import type { EmploymentType, OpportunityKind, OpportunityMode } from './schema';
import { isOpportunitySlug } from './slug';

// What the public pages show: published opportunities (and closed ones on their own page, which says so). These
// run when a page is prerendered — at `next build`, and again when a staff action revalidates it — never per
// visitor. A build without a database (CI builds the app before any database exists) prerenders the pages empty:
// the first publication revalidates them, and the pages' timed revalidation catches up otherwise.

export interface Bilingual {
  es: string;
  en: string;
}

export interface PublicOpportunity {
  slug: string;
  kind: OpportunityKind;
  state: 'published' | 'closed';
  title: Bilingual;
  description: Bilingual;
  program: string | null;
  startsOn: string | null;
  endsOn: string | null;
  schedule: Bilingual | null;
  mode: OpportunityMode | null;
  place: string | null;
  costTerms: Bilingual | null;
  seats: number | null;
  howToEnrol: Bilingual | null;
  enrolmentUrl: string | null;
  employerName: string | null;
  employmentType: EmploymentType | null;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string;
  closesOn: string | null;
  minEnglishLevel: EnglishLevel | null;
  municipalities: string[];
  remote: boolean;
  interests: string[];
  minAge: number | null;
  maxAge: number | null;
  publishedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
}

const select = {
  slug: true, kind: true, state: true, titleEs: true, titleEn: true, descriptionEs: true, descriptionEn: true, program: true,
  startsOn: true, endsOn: true, scheduleEs: true, scheduleEn: true, mode: true, place: true, costTermsEs: true,
  costTermsEn: true, seats: true, howToEnrolEs: true, howToEnrolEn: true, enrolmentUrl: true, employmentType: true,
  salaryMin: true, salaryMax: true, salaryCurrency: true, closesOn: true, minEnglishLevel: true, municipalities: true,
  remote: true, interests: true, minAge: true, maxAge: true, publishedAt: true, closedAt: true, updatedAt: true,
  employer: { select: { name: true } },
} as const;

type Row = {
  [K in keyof typeof select]: unknown;
};

const isoDay = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : null);
const pair = (es: unknown, en: unknown): Bilingual | null => (es || en ? { es: String(es ?? ''), en: String(en ?? '') } : null);

function toPublic(row: Row): PublicOpportunity {
  const r = row as Record<string, unknown> & { employer: { name: string } | null };
  return {
    slug: r.slug as string,
    kind: r.kind as OpportunityKind,
    state: r.state as 'published' | 'closed',
    title: { es: r.titleEs as string, en: r.titleEn as string },
    description: { es: r.descriptionEs as string, en: r.descriptionEn as string },
    program: (r.program as string | null) ?? null,
    startsOn: isoDay(r.startsOn),
    endsOn: isoDay(r.endsOn),
    schedule: pair(r.scheduleEs, r.scheduleEn),
    mode: (r.mode as OpportunityMode | null) ?? null,
    place: (r.place as string | null) ?? null,
    costTerms: pair(r.costTermsEs, r.costTermsEn),
    seats: (r.seats as number | null) ?? null,
    howToEnrol: pair(r.howToEnrolEs, r.howToEnrolEn),
    enrolmentUrl: (r.enrolmentUrl as string | null) ?? null,
    employerName: r.employer?.name ?? null,
    employmentType: (r.employmentType as EmploymentType | null) ?? null,
    salaryMin: (r.salaryMin as number | null) ?? null,
    salaryMax: (r.salaryMax as number | null) ?? null,
    salaryCurrency: r.salaryCurrency as string,
    closesOn: isoDay(r.closesOn),
    minEnglishLevel: (r.minEnglishLevel as EnglishLevel | null) ?? null,
    municipalities: (r.municipalities as string[] | null) ?? [],
    remote: r.remote === true,
    interests: (r.interests as string[] | null) ?? [],
    minAge: (r.minAge as number | null) ?? null,
    maxAge: (r.maxAge as number | null) ?? null,
    publishedAt: r.publishedAt instanceof Date ? r.publishedAt.toISOString() : null,
    closedAt: r.closedAt instanceof Date ? r.closedAt.toISOString() : null,
    updatedAt: (r.updatedAt as Date).toISOString(),
  };
}

const building = () => process.env.NEXT_PHASE === 'phase-production-build';

/** At `next build` only, no database means no opportunities yet; at run time the error stands (the page keeps its last version). */
async function orNothingAtBuild<T>(read: () => Promise<T>, nothing: T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (building() && (error instanceof ConfigError || isDatabaseUnavailable(error))) return nothing;
    throw error;
  }
}

/** Published opportunities, the soonest to start or close first. */
export async function publishedOpportunities(): Promise<PublicOpportunity[]> {
  return orNothingAtBuild(async () => {
    const rows = await db().opportunity.findMany({
      where: { state: 'published' },
      select,
      orderBy: [{ publishedAt: 'desc' }, { slug: 'asc' }],
      take: 500,
    });
    return rows.map(toPublic);
  }, []);
}

/** A published or closed opportunity by its address (closed ones keep their page, saying so). */
export async function publicOpportunity(slug: string): Promise<PublicOpportunity | null> {
  if (!isOpportunitySlug(slug)) return null;
  return orNothingAtBuild(async () => {
    const row = await db().opportunity.findFirst({ where: { slug, state: { in: ['published', 'closed'] } }, select });
    return row ? toPublic(row) : null;
  }, null);
}

/** Every address with a public page, for prerendering at build. */
export async function publicOpportunitySlugs(): Promise<string[]> {
  return orNothingAtBuild(async () => {
    const rows = await db().opportunity.findMany({ where: { state: { in: ['published', 'closed'] } }, select: { slug: true }, take: 1000 });
    return rows.map((r) => r.slug);
  }, []);
}

/** The published cohorts of a program that have not ended (`today`: YYYY-MM-DD in Colombia), soonest first. */
export async function upcomingCohorts(program: string, today: string): Promise<PublicOpportunity[]> {
  return orNothingAtBuild(async () => {
    const rows = await db().opportunity.findMany({
      where: { state: 'published', kind: 'cohort', program, OR: [{ endsOn: null }, { endsOn: { gte: new Date(`${today}T00:00:00Z`) } }] },
      select,
      orderBy: [{ startsOn: 'asc' }, { slug: 'asc' }],
      take: 20,
    });
    return rows.map(toPublic);
  }, []);
}

/** The sitemap's entries: published only (a closed opportunity leaves it). */
export async function sitemapOpportunities(): Promise<{ slug: string; updatedAt: Date }[]> {
  return orNothingAtBuild(
    () => db().opportunity.findMany({ where: { state: 'published' }, select: { slug: true, updatedAt: true }, orderBy: { slug: 'asc' }, take: 5000 }),
    [],
  );
}
