import { z } from 'zod';
import { englishLevels, interestOptions, programOptions } from './options';
import { municipalities, outsideValle } from '../municipalities';
import { calendarDaySchema } from '../form-dates';

// The staff search filters. They live in the query string of /{locale}/staff/candidates and of the
// export URL; one schema for both. A bad value is dropped and reported back (`ignored`), never an error.

/** A candidate's state (the `consent` filter keeps its name in URLs): pending, confirmed with consent in force, revoked. */
export const consentStatuses = ['pending', 'active', 'revoked'] as const;
export type ConsentStatus = (typeof consentStatuses)[number];

const municipalityCodes: [string, ...string[]] = [outsideValle, ...municipalities.map((m) => m.code)];

const age = z.coerce.number().int().min(14).max(99);

export const candidateFiltersSchema = z.object({
  /** Part of the name or email (accents and case ignored); an exact address comes first. */
  q: z.string().trim().min(1).max(100).optional(),
  englishLevel: z.array(z.enum(englishLevels)).min(1).optional(),
  /** This level or a higher one ("B2 or better"). */
  levelMin: z.enum(englishLevels).optional(),
  /** Age this year (the current year in Colombia minus the year of birth), both ends included. */
  ageMin: age.optional(),
  ageMax: age.optional(),
  municipality: z.enum(municipalityCodes).optional(),
  interest: z.enum(interestOptions).optional(),
  program: z.enum(programOptions).optional(),
  /** Sign-up date, inclusive, in Colombia's time zone. */
  from: calendarDaySchema.optional(),
  to: calendarDaySchema.optional(),
  /** The candidate's state: never confirmed (`pending`), confirmed with consent in force (`active`), or `revoked`. */
  consent: z.enum(consentStatuses).optional(),
});

export type CandidateFilters = z.infer<typeof candidateFiltersSchema>;
export type FilterKey = keyof CandidateFilters;
export const filterKeys = Object.keys(candidateFiltersSchema.shape) as FilterKey[];

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * Control characters and lone surrogates are taken out of every value before anything else: PostgreSQL refuses
 * NUL in text (a search for one was a 500), and none of them belongs in a name, an email or a code.
 */
export function cleanFilterValue(value: string): string {
  return value.replace(/[\p{Cc}\p{Cs}]/gu, ' ').replace(/\s+/g, ' ').trim();
}

function valuesOf(params: RawParams, key: string): string[] {
  const raw = params instanceof URLSearchParams ? params.getAll(key) : params[key];
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list.map(cleanFilterValue).filter((v) => v !== '');
}

/** Valid filters from a query string, and the names of the ones whose value was not valid. */
export function parseCandidateFilters(params: RawParams): { filters: CandidateFilters; ignored: FilterKey[] } {
  const filters: CandidateFilters = {};
  const ignored = new Set<FilterKey>();
  const shape = candidateFiltersSchema.shape;

  const levels = valuesOf(params, 'englishLevel');
  const validLevels = levels.filter((l) => (englishLevels as readonly string[]).includes(l)) as CandidateFilters['englishLevel'];
  if (validLevels && validLevels.length < levels.length) ignored.add('englishLevel');
  if (validLevels && validLevels.length > 0) filters.englishLevel = [...new Set(validLevels)];

  for (const key of ['q', 'levelMin', 'ageMin', 'ageMax', 'municipality', 'interest', 'program', 'from', 'to', 'consent'] as const) {
    const [value] = valuesOf(params, key);
    if (value === undefined) continue;
    const parsed = shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) (filters as Record<string, unknown>)[key] = parsed.data;
    else ignored.add(key);
  }

  if (filters.from && filters.to && filters.from > filters.to) {
    delete filters.from;
    delete filters.to;
    ignored.add('from').add('to');
  }
  if (filters.ageMin !== undefined && filters.ageMax !== undefined && filters.ageMin > filters.ageMax) {
    delete filters.ageMin;
    delete filters.ageMax;
    ignored.add('ageMin').add('ageMax');
  }
  return { filters, ignored: filterKeys.filter((k) => ignored.has(k)) };
}

/** The query string for these filters (without `?`), in a stable order. */
export function filtersToQuery(filters: CandidateFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filters[key];
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

/** A 1-based page number from the query string; anything else is page 1. */
export function parsePage(value: string | string[] | undefined | null): number {
  const raw = Array.isArray(value) ? value[0] : value;
  const page = Number(raw);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

// How the list is shown, beside what it selects: the sort, the optional columns and the keyset position. These are
// in the list's URL only (the export has its own fixed order and columns).

/** Columns the list can be sorted on; each has an index (column, created_at, id), see the issue-20 migration. */
export const sortKeys = ['signedUp', 'name', 'email', 'municipality', 'englishLevel', 'age', 'status'] as const;
export type SortKey = (typeof sortKeys)[number];
/** Columns a staff member may add to the list. */
export const optionalColumns = ['age', 'interests', 'programs', 'status', 'lastContact'] as const;
export type OptionalColumn = (typeof optionalColumns)[number];
export const defaultColumns: readonly OptionalColumn[] = ['status'];

export interface ListView {
  sort: SortKey;
  dir: 'asc' | 'desc';
  columns: OptionalColumn[];
  /** Keyset position: the page after (or before) this candidate in the order. Only an id: no personal data in URLs. */
  after?: string;
  before?: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The list's view from its query string; anything unknown falls back to newest first, default columns, page one. */
export function parseListView(params: RawParams): ListView {
  const one = (key: string) => valuesOf(params, key)[0];
  const sort = (sortKeys as readonly string[]).includes(one('sort') ?? '') ? (one('sort') as SortKey) : 'signedUp';
  const dirValue = one('dir');
  const dir = dirValue === 'asc' || dirValue === 'desc' ? dirValue : sort === 'signedUp' ? 'desc' : 'asc';
  // The column chooser is a GET form of checkboxes with an empty `cols` beside them: `cols` present means "exactly
  // these", so unticking every box shows none; absent means the default.
  const raw = params instanceof URLSearchParams ? params.getAll('cols') : [params.cols ?? []].flat();
  const columns = raw.length === 0 ? [...defaultColumns] : optionalColumns.filter((c) => raw.flatMap((v) => v.split(',')).includes(c));
  const view: ListView = { sort, dir, columns };
  const after = one('after');
  const before = one('before');
  if (after && uuid.test(after)) view.after = after.toLowerCase();
  else if (before && uuid.test(before)) view.before = before.toLowerCase();
  return view;
}

/** The view's part of the query string (defaults left out), to append to `filtersToQuery`. */
export function viewToParams(view: Pick<ListView, 'sort' | 'dir' | 'columns'>): Record<string, string> {
  const params: Record<string, string> = {};
  if (view.sort !== 'signedUp') params.sort = view.sort;
  if (view.dir !== (view.sort === 'signedUp' ? 'desc' : 'asc')) params.dir = view.dir;
  const sameColumns = view.columns.length === defaultColumns.length && view.columns.every((c) => defaultColumns.includes(c));
  if (!sameColumns) params.cols = view.columns.join(',');
  return params;
}
