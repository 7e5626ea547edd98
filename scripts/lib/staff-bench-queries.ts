// The staff list pages the bench loads (scripts/bench/run.ts, "staff pages") and scripts/explain-staff-queries.ts
// explains: the same filters, sort and position for both, picked from the database at hand so they find people.
import type { CandidateFilters, SortKey } from '../../lib/candidates/filters.ts';

export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface StaffListQuery {
  name: string;
  filters: CandidateFilters;
  sort: SortKey;
  dir: 'asc' | 'desc';
  /** Keyset position (a candidate's id). */
  after?: string;
}

/** The query string of a list page (the page's own URL parameters). */
export function listQueryString(q: StaffListQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q.filters)) for (const v of [value].flat()) params.append(key, String(v));
  if (q.sort !== 'signedUp') params.set('sort', q.sort);
  if (q.dir !== (q.sort === 'signedUp' ? 'desc' : 'asc')) params.set('dir', q.dir);
  if (q.after) params.set('after', q.after);
  return params.toString();
}

export async function staffBenchFilters(db: Queryable): Promise<StaffListQuery[]> {
  // Page 500 of the default order: the candidate the 499th page ends on.
  const deep = (await db.query(`SELECT id FROM candidates ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1`, [499 * 25 - 1])).rows[0];
  // An address in the middle of the pool, whole (the exact match) and its first part (a partial one).
  const middle = (await db.query(`SELECT email FROM candidates ORDER BY created_at DESC, id DESC OFFSET (SELECT count(*) / 2 FROM candidates) LIMIT 1`)).rows[0];
  const email = String(middle?.email ?? 'nobody@example.com');
  const queries: StaffListQuery[] = [
    { name: 'list, first page', filters: {}, sort: 'signedUp', dir: 'desc' },
    { name: 'list, page 500 (keyset)', filters: {}, sort: 'signedUp', dir: 'desc', ...(deep ? { after: String(deep.id) } : {}) },
    // A surname typed without its accents.
    { name: 'name search', filters: { q: 'quinonez' }, sort: 'signedUp', dir: 'desc' },
    { name: 'email search (part)', filters: { q: email.split('@')[0]!.slice(0, -1) }, sort: 'signedUp', dir: 'desc' },
    { name: 'email search (whole)', filters: { q: email }, sort: 'signedUp', dir: 'desc' },
    { name: 'level + municipality + interest', filters: { levelMin: 'B1', municipality: '76520', interest: 'technology' }, sort: 'signedUp', dir: 'desc' },
    { name: 'age 18–45, active, sorted by name', filters: { ageMin: 18, ageMax: 45, consent: 'active' }, sort: 'name', dir: 'asc' },
  ];
  return queries;
}
