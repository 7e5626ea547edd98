import { z } from 'zod';
import { auditActions } from './record';
import { calendarDaySchema } from '../form-dates';

// The audit log's filters, from the query string of /{locale}/staff/audit (a GET form: a view of the log can be
// bookmarked). A bad value is dropped and reported back, never an error, as the candidate filters do.

export const auditFiltersSchema = z.object({
  action: z.enum(auditActions).optional(),
  /** Part of an email (who acted, or the account acted on), an exact IP address, or a candidate's or account's id. */
  person: z.string().trim().min(1).max(320).optional(),
  /** Days, inclusive, in Colombia's time zone. */
  from: calendarDaySchema.optional(),
  to: calendarDaySchema.optional(),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;
export type AuditFilterKey = keyof AuditFilters;

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function first(params: RawParams, key: string): string | undefined {
  const raw = params instanceof URLSearchParams ? params.get(key) : params[key];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.replace(/[\p{Cc}\p{Cs}]/gu, ' ').trim();
  return value ? value : undefined;
}

/** Valid filters, the ones that were not, and the keyset cursor (`before`: show events older than this id). */
export function parseAuditFilters(params: RawParams): { filters: AuditFilters; ignored: AuditFilterKey[]; before?: bigint } {
  const filters: AuditFilters = {};
  const ignored: AuditFilterKey[] = [];
  for (const key of ['action', 'person', 'from', 'to'] as const) {
    const value = first(params, key);
    if (value === undefined) continue;
    const parsed = auditFiltersSchema.shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) (filters as Record<string, unknown>)[key] = parsed.data;
    else ignored.push(key);
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    delete filters.from;
    delete filters.to;
    ignored.push('from', 'to');
  }
  const before = first(params, 'before');
  return { filters, ignored, ...(before && /^[1-9]\d{0,18}$/.test(before) ? { before: BigInt(before) } : {}) };
}

export function auditFiltersToQuery(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) query.set(key, value);
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  return query.toString();
}
