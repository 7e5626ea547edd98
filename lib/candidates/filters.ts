import { z } from 'zod';
import { englishLevels, interestOptions, programOptions } from './options';
import { municipalities, outsideValle } from '../municipalities';

// The staff search filters. They live in the query string of /{locale}/staff/candidates and of the
// export URL; one schema for both. A bad value is dropped and reported back (`ignored`), never an error.

/** A candidate's state (the `consent` filter keeps its name in URLs): pending, confirmed with consent in force, revoked. */
export const consentStatuses = ['pending', 'active', 'revoked'] as const;
export type ConsentStatus = (typeof consentStatuses)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  });

const municipalityCodes: [string, ...string[]] = [outsideValle, ...municipalities.map((m) => m.code)];

export const candidateFiltersSchema = z.object({
  /** Part of the name or email. */
  q: z.string().trim().min(1).max(100).optional(),
  englishLevel: z.array(z.enum(englishLevels)).min(1).optional(),
  municipality: z.enum(municipalityCodes).optional(),
  interest: z.enum(interestOptions).optional(),
  program: z.enum(programOptions).optional(),
  /** Sign-up date, inclusive, in Colombia's time zone. */
  from: isoDate.optional(),
  to: isoDate.optional(),
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

  for (const key of ['q', 'municipality', 'interest', 'program', 'from', 'to', 'consent'] as const) {
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
  return { filters, ignored: filterKeys.filter((k) => ignored.has(k)) };
}

/** The query string for these filters (without `?`), in a stable order. */
export function filtersToQuery(filters: CandidateFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filters[key];
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
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
