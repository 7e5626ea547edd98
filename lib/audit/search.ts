import 'server-only';
import { createHmac } from 'node:crypto';
import { serverConfig } from '@/lib/config/env';
import { filterKeys, type CandidateFilters } from '@/lib/candidates/filters';
import type { AuditDetails } from './record';

// What the audit keeps of a staff search: which filters were used and their values, except the free text (`q`),
// which holds names and addresses typed by staff. Instead of the text, and only when AUDIT_HMAC_KEY is set, a keyed
// HMAC-SHA-256 of it: a later inquiry can check whether a given text was searched (by computing its HMAC with the
// key) without the log ever holding it.

export function searchTextHmac(text: string): string | null {
  const key = serverConfig().AUDIT_HMAC_KEY;
  if (!key) return null;
  return createHmac('sha256', key).update(text.normalize('NFC').toLowerCase(), 'utf8').digest('hex');
}

/** The audit details describing `filters`: `filters` without the text, `filtersUsed`, and `searchHmac` when keyed. */
export function auditedFilters(filters: CandidateFilters): AuditDetails {
  const { q, ...rest } = filters;
  const details: AuditDetails = {
    filters: { ...rest },
    filtersUsed: filterKeys.filter((key) => filters[key] !== undefined),
  };
  if (q) {
    const hmac = searchTextHmac(q);
    if (hmac) details.searchHmac = hmac;
  }
  return details;
}
