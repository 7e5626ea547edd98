// The public list's filters (kind and interest), asked by a plain GET form so they work without JavaScript. Every
// combination is a prerendered page of its own (/{locale}/opportunities/filter/{kind}-{interest}); proxy.ts
// rewrites the form's address (/{locale}/opportunities?kind=…&interest=…) to it, as it does for the home finder.
// No server-only imports: proxy.ts loads this.
import { interestOptions, type Interest } from '../candidates/options';

export const opportunitiesPath = '/opportunities';
export const filterPath = `${opportunitiesPath}/filter`;

export const kindFilters = ['all', 'cohort', 'job'] as const;
export type KindFilter = (typeof kindFilters)[number];
export const interestFilters = ['all', ...interestOptions] as const;
export type InterestFilter = (typeof interestFilters)[number];

export interface OpportunityFilter {
  kind: KindFilter;
  interest: InterestFilter;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null | undefined): T | undefined =>
  value !== null && value !== undefined && (list as readonly string[]).includes(value) ? (value as T) : undefined;

/** The form's query as a filter; anything unknown or missing means "all". */
export function parseFilterQuery(params: URLSearchParams): OpportunityFilter {
  return { kind: oneOf(kindFilters, params.get('kind')) ?? 'all', interest: oneOf(interestFilters, params.get('interest')) ?? 'all' };
}

export function filterSegment(filter: OpportunityFilter): string {
  return `${filter.kind}-${filter.interest}`;
}

export function parseFilterSegment(segment: string): OpportunityFilter | null {
  const dash = segment.indexOf('-');
  if (dash < 0) return null;
  const kind = oneOf(kindFilters, segment.slice(0, dash));
  const interest = oneOf(interestFilters, segment.slice(dash + 1));
  return kind && interest ? { kind, interest } : null;
}

/** Every filter but "all of them" (that one is the list's own page): one prerendered page each. */
export const filterSegments: readonly string[] = kindFilters
  .flatMap((kind) => interestFilters.map((interest) => ({ kind, interest })))
  .filter((f) => f.kind !== 'all' || f.interest !== 'all')
  .map(filterSegment);

/**
 * The prerendered page for a request to the list's address with a filter, or null to serve the list itself.
 * Called by proxy.ts; `rest` is the path after the locale.
 */
export function opportunitiesRewriteTarget(locale: string, rest: string, params: URLSearchParams): string | null {
  if (rest !== opportunitiesPath || (!params.has('kind') && !params.has('interest'))) return null;
  const filter = parseFilterQuery(params);
  if (filter.kind === 'all' && filter.interest === 'all') return null;
  return `/${locale}${filterPath}/${filterSegment(filter)}`;
}

/** Whether an opportunity for `interests` (none: everyone) of `kind` shows under `filter`. */
export function matchesFilter(opportunity: { kind: 'cohort' | 'job'; interests: readonly string[] }, filter: OpportunityFilter): boolean {
  if (filter.kind !== 'all' && opportunity.kind !== filter.kind) return false;
  if (filter.interest === 'all' || opportunity.interests.length === 0) return true;
  return opportunity.interests.includes(filter.interest as Interest);
}
