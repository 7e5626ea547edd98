import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { municipalityName, outsideValle } from '@/lib/municipalities';
import { pageMetadata } from '@/lib/seo/metadata';
import { filtersToQuery, parseCandidateFilters, parsePage } from '@/lib/candidates/filters';
import { listCandidates } from '@/lib/candidates/query';
import { displayPhone } from '@/lib/candidates/phone';
import { exportErrorsFromQuery, exportRequestValues } from '@/lib/export/request';
import { listPartnerOptions } from '@/lib/partners/list';
import { requestContext, requireViewer, staffData } from '@/lib/staff/page';
import { viewerCan } from '@/lib/staff/session';
import { CandidateFilters } from '@/components/staff/CandidateFilters';
import { ExportForm } from '@/components/staff/ExportForm';
import { Pagination } from '@/components/staff/Pagination';
import { DataTable, StatusNotice } from '@/components/staff/DataTable';

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
  const page = parsePage(query.page);
  const context = await requestContext();
  const mayExport = viewerCan(viewer, 'candidates:export');
  const { result, partners } = await staffData(locale, '/staff/candidates', async () => ({
    result: await listCandidates(viewer, filters, page, context),
    partners: mayExport ? await listPartnerOptions(viewer) : [],
  }));

  const t = await getTranslations({ locale, namespace: 'StaffCandidates' });
  const format = await getFormatter({ locale });

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
      <CandidateFilters locale={locale} filters={filters} />

      <p className="mt-6" aria-live="polite">
        {t('results', { total: result.total })}
      </p>

      {result.rows.length > 0 && (
        <DataTable caption={t('tableCaption')} columns={[t('name'), t('email'), t('phone'), t('municipality'), t('englishLevel'), t('signedUp'), t('consentColumn')]}>
          {result.rows.map((c) => (
            <tr key={c.id} className="border-b border-slate-200">
              <td className="p-2">
                <a className="text-brand-700 underline" href={`/${locale}/staff/candidates/${c.id}`}>
                  {c.fullName}
                </a>
              </td>
              <td className="p-2">{c.email}</td>
              <td className="p-2 whitespace-nowrap">{displayPhone(c.phone)}</td>
              <td className="p-2">{c.municipality === outsideValle ? '—' : (municipalityName(c.municipality) ?? c.municipality)}</td>
              <td className="p-2">{c.englishLevel}</td>
              <td className="p-2 whitespace-nowrap">{format.dateTime(c.createdAt, 'day')}</td>
              <td className="p-2">{t(statusLabels[c.status])}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination
        locale={locale}
        page={result.page}
        pageCount={result.pageCount}
        href={(p) => `/${locale}/staff/candidates?${filtersToQuery(filters, { page: String(p) })}`}
      />

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
    </div>
  );
}

const statusLabels = { pending: 'consentPending', active: 'consentActive', revoked: 'consentRevoked' } as const;
