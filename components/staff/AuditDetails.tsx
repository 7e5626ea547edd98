import type { ReactNode } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { municipalityName, outsideValle } from '@/lib/municipalities';
import { isStaffRole } from '@/lib/staff/roles';

// An audit event's details as sentences in the staff member's language: the details are stored as the code wrote
// them (lib/audit/record.ts), and no code, key or id is shown as it is. Ids become links to the record they name.
// A detail this page does not know yet (an action added later) goes under "Other details", folded.

type Details = Record<string, unknown>;

const isRecord = (value: unknown): value is Details => typeof value === 'object' && value !== null && !Array.isArray(value);
const num = (value: unknown) => (typeof value === 'number' ? value : Number(value) || 0);
const str = (value: unknown) => (typeof value === 'string' ? value : String(value));
/** An ICU select's key: codes are kebab-case, and ICU keys cannot hold a hyphen. */
const selector = (value: unknown) => str(value).replaceAll('-', '_');

export async function AuditDetails({ locale, action, details }: { locale: Locale; action: string; details: unknown }) {
  const t = await getTranslations({ locale, namespace: 'StaffAudit.detail' });
  const common = await getTranslations({ locale, namespace: 'StaffCommon' });
  const roles = await getTranslations({ locale, namespace: 'StaffRoles' });
  const list = await getTranslations({ locale, namespace: 'StaffCandidates' });
  const options = await getTranslations({ locale, namespace: 'Options' });
  const columns = await getTranslations({ locale, namespace: 'StaffExport.columns' });
  const retention = await getTranslations({ locale, namespace: 'StaffRetention.rules' });
  const format = await getFormatter({ locale });
  const d: Details = isRecord(details) ? details : {};
  const used = new Set<string>();
  const take = (...keys: string[]) => keys.forEach((k) => used.add(k));
  const has = (key: string) => Object.hasOwn(d, key) && d[key] !== undefined && d[key] !== null;
  const sentences: ReactNode[] = [];
  const say = (node: ReactNode) => sentences.push(node);
  const link = (href: string) =>
    function DetailLink(chunks: ReactNode) {
      return (
        <a className="text-brand-700 underline" href={href}>
          {chunks}
        </a>
      );
    };
  const role = (value: unknown) => (isStaffRole(value) ? roles(value) : str(value));
  const language = (value: unknown) => (value === 'es' || value === 'en' ? common(`languages.${value}`) : str(value));
  const time = (value: unknown) => {
    const date = new Date(str(value));
    return Number.isNaN(date.getTime()) ? str(value) : format.dateTime(date, 'moment');
  };
  const label = (kind: 'interest' | 'program', slug: string) =>
    options.has(`${kind}.${slug}` as 'interest.technology') ? options(`${kind}.${slug}` as 'interest.technology') : slug;

  const filterText = (filters: Details) =>
    Object.entries(filters)
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([key, value]) => {
        const name = list.has(key as 'q') ? list(key as 'q') : key;
        const values = Array.isArray(value) ? value.map(str) : [str(value)];
        const shown = values.map((v) => {
          if (key === 'municipality') return v === outsideValle ? options('municipalityOther') : (municipalityName(v) ?? v);
          if (key === 'interest' || key === 'program') return label(key, v);
          if (key === 'consent' && ['pending', 'active', 'revoked'].includes(v)) {
            return list(`consent${v[0]!.toUpperCase()}${v.slice(1)}` as 'consentActive');
          }
          if (key === 'q') return `“${v}”`;
          return v;
        });
        return `${name}: ${shown.join(', ')}`;
      })
      .join('; ');

  if (has('reason')) {
    take('reason');
    say(t('reason', { reason: selector(d.reason) }));
  }
  if (d.knownDevice === true) {
    take('knownDevice');
    say(t('knownDevice'));
  }
  if (has('candidateId')) {
    take('candidateId');
    if (d.found === false) say(t('candidateMissing'));
    else say(t.rich('candidate', { link: link(`/${locale}/staff/candidates/${encodeURIComponent(str(d.candidateId))}`) }));
    take('found');
  }
  if (has('email') && has('accountId')) {
    take('email', 'accountId');
    say(t('account', { email: str(d.email) }));
  } else if (has('accountId')) {
    take('accountId');
    say(t.rich('accountLink', { link: link(`/${locale}/staff/users/${encodeURIComponent(str(d.accountId))}`) }));
  }
  if (has('from') && has('to') && action === 'staff.role-change') {
    take('from', 'to');
    say(t('roleChange', { from: role(d.from), to: role(d.to) }));
  }
  if (has('role')) {
    take('role');
    say(t('role', { role: role(d.role) }));
  }
  if (has('via')) {
    take('via');
    say(t('via', { via: selector(d.via) }));
  }
  if (isRecord(d.filters)) {
    take('filters');
    const text = filterText(d.filters);
    say(text ? t('search', { filters: text }) : t('allCandidates'));
  }
  if (Array.isArray(d.filtersUsed)) {
    // Which filters a search used; its text is never kept (lib/audit/search.ts), at most a keyed fingerprint.
    take('filtersUsed', 'searchHmac');
    if (d.filtersUsed.includes('q')) say(t('searchText'));
  }
  if (has('format')) {
    take('format', 'rows', 'locale');
    say(
      t('exported', {
        rows: num(d.rows),
        format: str(d.format),
        hasLanguage: has('locale') ? 'yes' : 'no',
        language: has('locale') ? language(d.locale) : '',
      }),
    );
  } else if (has('rows') && has('total')) {
    take('rows', 'total', 'page');
    say(t('listed', { page: num(d.page ?? 1), rows: num(d.rows), total: num(d.total) }));
  }
  if (has('rowsSent')) {
    take('rowsSent');
    say(t('rowsSent', { count: num(d.rowsSent) }));
  }
  if (has('lockoutNumber')) {
    take('lockoutNumber', 'lockedUntil');
    say(t('lockout', { number: num(d.lockoutNumber), until: time(d.lockedUntil) }));
  }
  if (has('method')) {
    take('method');
    say(t('method', { method: selector(d.method) }));
  }
  if (has('recoveryCodesLeft')) {
    take('recoveryCodesLeft');
    say(t('recoveryCodesLeft', { count: num(d.recoveryCodesLeft) }));
  }
  if (typeof d.sessionEnded === 'boolean') {
    take('sessionEnded');
    say(t('sessionEnded', { ended: d.sessionEnded ? 'yes' : 'no' }));
  }
  if (has('sessionsEnded')) {
    take('sessionsEnded');
    say(t('sessionsEnded', { count: num(d.sessionsEnded) }));
  }
  if (d.all === true) {
    take('all');
    say(t('allSessions'));
  } else if (has('sessionId')) {
    take('sessionId');
    say(t('oneSession'));
  }
  if (has('consentsRevoked')) {
    take('consentsRevoked');
    say(t('consentsRevoked', { count: num(d.consentsRevoked) }));
  }
  if (Array.isArray(d.purposes)) {
    take('purposes');
    const purposes = d.purposes.map((p) => (common.has(`purposes.${str(p)}` as 'purposes.training-offers') ? common(`purposes.${str(p)}` as 'purposes.training-offers') : str(p)));
    say(t('purposes', { purposes: purposes.join(', ') || common('none') }));
  }
  if (Array.isArray(d.fields)) {
    take('fields');
    const fields = d.fields.map((f) => (columns.has(str(f) as 'phone') ? columns(str(f) as 'phone') : str(f)));
    say(t('fields', { fields: fields.join(', ') }));
  }
  if (has('receivedAt')) {
    take('receivedAt');
    say(t('receivedAt', { time: time(d.receivedAt) }));
  }
  if (has('retentionDays')) {
    take('retentionDays', 'candidates', 'submissions', 'tokens');
    say(t('purged', { days: num(d.retentionDays), candidates: num(d.candidates), submissions: num(d.submissions), tokens: num(d.tokens) }));
  }

  if (has('revocationReceivedAt')) {
    take('revocationReceivedAt');
    say(t('revocationReceivedAt', { time: time(d.revocationReceivedAt) }));
  }
  const retentionCounts = Object.keys(d).filter((key) => retention.has(key as 'rateLimits'));
  if (retentionCounts.length > 0) {
    take(...retentionCounts);
    say(t('retentionDeleted', { counts: retentionCounts.map((key) => `${retention(key as 'rateLimits')} ${num(d[key])}`).join(', ') }));
  }
  if (has('retentionRunId')) {
    take('retentionRunId');
    say(t.rich('retentionRun', { link: link(`/${locale}/staff/retention`) }));
  }

  const rest = Object.fromEntries(Object.entries(d).filter(([key]) => !used.has(key)));
  return (
    <>
      {sentences.length > 0 && (
        <ul className="flex flex-col gap-0.5">
          {sentences.map((sentence, i) => (
            <li key={i}>{sentence}</li>
          ))}
        </ul>
      )}
      {Object.keys(rest).length > 0 && (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer text-brand-700">{t('more')}</summary>
          <code className="font-mono break-all">{JSON.stringify(rest)}</code>
        </details>
      )}
    </>
  );
}
