import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { municipalityName, outsideValle } from '@/lib/municipalities';
import { pageMetadata } from '@/lib/seo/metadata';
import { filtersToQuery, parseCandidateFilters, parseListView, viewToParams, type ListView, type SortKey } from '@/lib/candidates/filters';
import { currentSiteYear, listCandidates } from '@/lib/candidates/query';
import { displayPhone } from '@/lib/candidates/phone';
import { exportErrorsFromQuery, exportRequestValues } from '@/lib/export/request';
import { listPartnerOptions } from '@/lib/partners/list';
import { requestContext, requireViewer, staffData } from '@/lib/staff/page';
import { viewerCan } from '@/lib/staff/session';
import { CandidateFilters } from '@/components/staff/CandidateFilters';
import { KeysetPagination } from '@/components/staff/Pagination';
import { StatusNotice } from '@/components/staff/DataTable';
import { SortableTable, type SortableColumn } from '@/components/staff/SortableTable';
import { ReclamoMark } from '@/components/requests/ReclamoMark';
import { ExportForm } from '@/components/staff/ExportForm';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/candidates'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'StaffCandidates' });
  return pageMetadata({ locale, path: '/staff/candidates', title: t('title'), noIndex: true });
}

export default async function StaffCandidatesPage({ params, searchParams }: PageProps<'/[locale]/staff/candidates'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const viewer = await requireViewer(locale, '/staff/candidates');
  const query = await searchParams;
  const { filters, ignored } = parseCandidateFilters(query);
  const view = parseListView(query);
  const context = await requestContext();
  const mayExport = viewerCan(viewer, 'candidates:export');
  const { result, partners } = await staffData(locale, '/staff/candidates', async () => ({
    result: await listCandidates(viewer, filters, view, context),
    partners: mayExport ? await listPartnerOptions(viewer) : [],
  }));

  const t = await getTranslations({ locale, namespace: 'StaffCandidates' });
  const options = await getTranslations({ locale, namespace: 'Options' });
  const format = await getFormatter({ locale });
  const listHref = (extra: Record<string, string>, at: Partial<Pick<ListView, 'sort' | 'dir'>> = {}) =>
    `/${locale}/staff/candidates?${filtersToQuery(filters, { ...viewToParams({ ...view, ...at }), ...extra })}`;
  const year = currentSiteYear();
  const interestLabel = (key: string) => (options.has(`interest.${key as 'technology'}`) ? options(`interest.${key as 'technology'}`) : key);
  const programLabel = (key: string) => (options.has(`program.${key as 'hello-valle'}`) ? options(`program.${key as 'hello-valle'}`) : key);

  const sortable = (key: SortKey, title: string): SortableColumn => {
    const active = view.sort === key;
    const dir = active ? view.dir : key === 'signedUp' ? 'desc' : 'asc';
    const next = active ? (view.dir === 'asc' ? 'desc' : 'asc') : dir;
    return { title, sort: active ? dir : null, href: listHref({}, { sort: key, dir: next }), sortHint: t(next === 'asc' ? 'sortAscending' : 'sortDescending') };
  };
  const shown = new Set(view.columns);
  const columns: SortableColumn[] = [
    sortable('name', t('name')),
    sortable('email', t('email')),
    { title: t('phone') },
    sortable('municipality', t('municipality')),
    sortable('englishLevel', t('englishLevel')),
    ...(shown.has('age') ? [sortable('age', t('age'))] : []),
    ...(shown.has('interests') ? [{ title: t('interests') }] : []),
    ...(shown.has('programs') ? [{ title: t('programs') }] : []),
    sortable('signedUp', t('signedUp')),
    ...(shown.has('status') ? [sortable('status', t('consentColumn'))] : []),
    ...(shown.has('lastContact') ? [{ title: t('lastContact') }] : []),
  ];

  return (
    <div>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      {query.notice === 'deleted' && (
        <StatusNotice>
          {t('deleted')}
        </StatusNotice>
      )}
      {ignored.length > 0 && (
        <StatusNotice tone="warning">
          {t('ignored', { fields: ignored.map((k) => t(k)).join(', ') })}
        </StatusNotice>
      )}
      {result.positionLost && <StatusNotice tone="warning">{t('positionLost')}</StatusNotice>}
      <CandidateFilters locale={locale} filters={filters} view={view} />
      {mayExport && (
        <ExportForm
          locale={locale}
          filters={filters}
          partners={partners}
          values={exportRequestValues(query)}
          errors={exportErrorsFromQuery(query.exportErrors)}
          isAdmin={viewerCan(viewer, 'partners:manage')}
        />
      )}

      <p className="mt-6" aria-live="polite">
        {result.countExact ? t('results', { total: result.count }) : t('resultsMoreThan', { total: result.count })}
      </p>

      {result.rows.length > 0 && (
        <SortableTable caption={t('tableCaption')} columns={columns}>
          {result.rows.map((c) => (
            <tr key={c.id} className="border-b border-slate-200">
              <td className="p-2">
                <a className="text-brand-700 underline" href={`/${locale}/staff/candidates/${c.id}`}>
                  {c.fullName}
                </a>
                {c.reclamo && <ReclamoMark locale={locale} subject={c.reclamo} compact />}
              </td>
              <td className="p-2">{c.email}</td>
              <td className="p-2 whitespace-nowrap">{displayPhone(c.phone)}</td>
              <td className="p-2">{c.municipality === outsideValle ? '—' : (municipalityName(c.municipality) ?? c.municipality)}</td>
              <td className="p-2">{c.englishLevel}</td>
              {shown.has('age') && <td className="p-2">{year - c.birthYear}</td>}
              {shown.has('interests') && <td className="p-2">{c.interests.map(interestLabel).join(', ')}</td>}
              {shown.has('programs') && <td className="p-2">{c.programs.map(programLabel).join(', ') || '—'}</td>}
              <td className="p-2 whitespace-nowrap">{format.dateTime(c.createdAt, 'day')}</td>
              {shown.has('status') && <td className="p-2">{t(statusLabels[c.status])}</td>}
              {shown.has('lastContact') && <td className="p-2 whitespace-nowrap">{c.lastContact ? format.dateTime(c.lastContact, 'day') : '—'}</td>}
            </tr>
          ))}
        </SortableTable>
      )}
      <KeysetPagination
        locale={locale}
        first={result.previousBefore ? listHref({}) : null}
        previous={result.previousBefore ? listHref({ before: result.previousBefore }) : null}
        next={result.nextAfter ? listHref({ after: result.nextAfter }) : null}
      />

    </div>
  );
}

const statusLabels = { pending: 'consentPending', active: 'consentActive', revoked: 'consentRevoked' } as const;
