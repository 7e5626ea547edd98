import 'server-only';
import type { ProgramSlug } from '@/lib/programs/slugs';
import { upcomingCohorts, type PublicOpportunity } from '@/lib/opportunities/public';
import type { FinderAnswer } from './answers';
import { recommend, suggestedPrograms } from './recommend';

/** The upcoming cohorts of each program an answer suggests; a program without any has an empty list. */
export type CohortsByProgram = Partial<Record<ProgramSlug, PublicOpportunity[]>>;

/**
 * Read when an answer's page is prerendered or made again (at `next build`, on a staff change, every five minutes),
 * never per visitor: one query per suggested program, at most three.
 */
export async function cohortsForAnswer(answer: FinderAnswer, today: string): Promise<CohortsByProgram> {
  const programs = suggestedPrograms(recommend(answer).suggestions);
  return Object.fromEntries(await Promise.all(programs.map(async (slug) => [slug, await upcomingCohorts(slug, today)] as const)));
}
