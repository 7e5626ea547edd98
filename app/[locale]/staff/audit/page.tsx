import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { burstLookbackDays, burstThreshold, burstWindowMinutes, listAuditEvents } from '@/lib/audit/query';
import { auditFiltersToQuery, parseAuditFilters } from '@/lib/audit/filters';
import { auditActions, type AuditAction } from '@/lib/audit/record';
import { requirePermission, staffData, staffPageTitle } from '@/lib/staff/page';
import { DataTable, StatusNotice } from '@/components/staff/DataTable';
import { AuditDetails } from '@/components/staff/AuditDetails';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/audit'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'StaffAudit' });
  return pageMetadata({ locale, path: '/staff/audit', title: await staffPageTitle(locale, t('title'), 'audit:read'), noIndex: true });
}

// The action list's groups, by the action's prefix; an action under another prefix goes under "Other".
const groups = ['staff', 'candidates', 'candidate', 'partner', 'retention', 'privacy'] as const;
const groupOf = (action: string) => groups.find((g) => action.startsWith(`${g}.`)) ?? 'other';
const field = 'flex flex-col gap-1';
const input = 'rounded border border-slate-500 px-3 py-2';

export default async function StaffAuditPage({ params, searchParams }: PageProps<'/[locale]/staff/audit'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const viewer = await requirePermission(locale, '/staff/audit', 'audit:read');
  const { filters, ignored, before } = parseAuditFilters(await searchParams);
  const result = await staffData(locale, '/staff/audit', () => listAuditEvents(viewer, filters, before));
  const t = await getTranslations({ locale, namespace: 'StaffAudit' });
  const format = await getFormatter({ locale });
  // In groups: next-intl's key type gives up on a union of more than about 22 template keys.
  type Staff = Extract<AuditAction, `staff.${string}`>;
  type Candidates = Extract<AuditAction, `candidate.${string}` | `candidates.${string}`>;
  type Registers = Extract<AuditAction, `request${string}` | `incident${string}`>;
  const label = (action: string) => {
    if (!(auditActions as readonly string[]).includes(action)) return t('otherAction');
    if (action.startsWith('staff.')) return t(`actions.${action as Staff}`);
    if (action.startsWith('candidate')) return t(`actions.${action as Candidates}`);
    if (action.startsWith('request') || action.startsWith('incident')) return t(`actions.${action as Registers}`);
    return t(`actions.${action as Exclude<AuditAction, Staff | Candidates | Registers>}`);
  };
  const fieldNames = { action: t('filterAction'), person: t('filterPerson'), from: t('filterFrom'), to: t('filterTo') };
  const href = (query: string) => `/${locale}/staff/audit${query ? `?${query}` : ''}`;

  return (
    <div>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      {ignored.length > 0 && <StatusNotice tone="warning">{t('ignored', { fields: ignored.map((k) => fieldNames[k]).join(', ') })}</StatusNotice>}

      {/* A GET form: works without JavaScript, and a view of the log can be bookmarked. */}
      <form method="get" action={`/${locale}/staff/audit`} className="mt-6 rounded border border-slate-200 p-4">
        <h2 className="text-lg font-bold">{t('filters')}</h2>
        <div className="mt-3 grid gap-4 md:grid-cols-2 lg:grid-cols-4">
          <div className={field}>
            <label htmlFor="a-action">{t('filterAction')}</label>
            <select id="a-action" name="action" defaultValue={filters.action ?? ''} className={input}>
              <option value="">{t('anyAction')}</option>
              {[...groups, 'other' as const].map((group) => (
                <optgroup key={group} label={t(`groups.${group}`)}>
                  {auditActions
                    .filter((a) => groupOf(a) === group)
                    .map((a) => (
                      <option key={a} value={a}>
                        {label(a)}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className={field}>
            <label htmlFor="a-person">{t('filterPerson')}</label>
            <input id="a-person" name="person" type="search" defaultValue={filters.person ?? ''} maxLength={320} aria-describedby="a-person-hint" className={input} />
            <span id="a-person-hint" className="text-sm text-slate-600">
              {t('filterPersonHint')}
            </span>
          </div>
          <div className={field}>
            <label htmlFor="a-from">{t('filterFrom')}</label>
            <input id="a-from" name="from" type="date" defaultValue={filters.from ?? ''} className={input} />
          </div>
          <div className={field}>
            <label htmlFor="a-to">{t('filterTo')}</label>
            <input id="a-to" name="to" type="date" defaultValue={filters.to ?? ''} className={input} />
          </div>
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">
            {t('apply')}
          </button>
          <a className="text-brand-700 underline" href={href('')}>
            {t('clear')}
          </a>
        </div>
      </form>

      {result.bursts.length > 0 && (
        <section aria-labelledby="bursts" className="mt-6 rounded border border-amber-700 bg-amber-50 p-4 text-amber-950">
          <h2 id="bursts" className="text-lg font-bold">
            {t('bursts.heading')}
          </h2>
          <p className="mt-1 text-sm">
            {t('bursts.intro', {
              threshold: burstThreshold,
              minutes: burstWindowMinutes,
              period: filters.from || filters.to ? 'filtered' : 'recent',
              days: burstLookbackDays,
            })}
          </p>
          <ul className="mt-2 flex flex-col gap-2">
            {result.bursts.map((b) => (
              <li key={`${b.kind}:${b.key}`} data-burst={b.kind}>
                {t(`bursts.${b.kind}`, {
                  most: b.most,
                  minutes: burstWindowMinutes,
                  key: b.key,
                  first: format.dateTime(b.firstAt, 'moment'),
                  last: format.dateTime(b.lastAt, 'moment'),
                })}{' '}
                <a className="text-brand-700 underline" href={href(auditFiltersToQuery({ action: 'staff.sign-in-failed', person: b.key, ...(filters.from ? { from: filters.from } : {}), ...(filters.to ? { to: filters.to } : {}) }))}>
                  {t('bursts.show')}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {result.rows.length === 0 ? (
        <p className="mt-6">{t('empty')}</p>
      ) : (
        <DataTable caption={t('tableCaption')} columns={[t('time'), t('actor'), t('action'), t('details'), t('ipAddress')]} className="mt-6">
          {result.rows.map((e) => (
            <tr key={e.id} className="border-b border-slate-200 align-top">
              <td className="p-2 whitespace-nowrap">{format.dateTime(e.createdAt, 'logged')}</td>
              <td className="p-2 break-all">{e.actorEmail ?? t('system')}</td>
              <td className="p-2" data-action={e.action}>
                {label(e.action)}
              </td>
              <td className="p-2">
                <AuditDetails locale={locale} action={e.action} details={e.details} />
              </td>
              <td className="p-2">{e.ipAddress ?? '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {(before || result.olderThan) && (
        <nav aria-label={t('pagination')} className="mt-4 flex items-center gap-4">
          {before && (
            <a className="text-brand-700 underline" href={href(auditFiltersToQuery(filters))}>
              {t('newest')}
            </a>
          )}
          {result.olderThan && (
            <a className="text-brand-700 underline" href={href(auditFiltersToQuery(filters, { before: result.olderThan }))} rel="next">
              {t('older')}
            </a>
          )}
        </nav>
      )}
    </div>
  );
}
