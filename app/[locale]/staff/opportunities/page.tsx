import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { requirePermission, staffData, staffPageTitle } from '@/lib/staff/page';
import { listOpportunitiesForStaff } from '@/lib/opportunities/manage';
import { DataTable, StatusNotice } from '@/components/staff/DataTable';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/opportunities'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'StaffOpportunities' });
  return pageMetadata({ locale, path: '/staff/opportunities', title: await staffPageTitle(locale, t('title'), 'opportunities:manage'), noIndex: true });
}

export default async function StaffOpportunitiesPage({ params, searchParams }: PageProps<'/[locale]/staff/opportunities'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const viewer = await requirePermission(locale, '/staff/opportunities', 'opportunities:manage');
  const rows = await staffData(locale, '/staff/opportunities', () => listOpportunitiesForStaff(viewer));
  const { notice } = await searchParams;
  const t = await getTranslations({ locale, namespace: 'StaffOpportunities' });
  const o = await getTranslations({ locale, namespace: 'Options' });
  const format = await getFormatter({ locale });
  const title = (r: (typeof rows)[number]) => (locale === 'es' ? r.titleEs || r.titleEn : r.titleEn || r.titleEs) || t('untitled');
  return (
    <div>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>
      {notice === 'notFound' && <StatusNotice tone="warning">{t('notFound')}</StatusNotice>}
      <ul className="mt-4 flex flex-wrap gap-3">
        <li>
          <a className="inline-block rounded bg-brand-700 px-4 py-2 font-bold text-white hover:bg-brand-800" href={`/${locale}/staff/opportunities/new?kind=cohort`}>
            {t('newCohort')}
          </a>
        </li>
        <li>
          <a className="inline-block rounded bg-brand-700 px-4 py-2 font-bold text-white hover:bg-brand-800" href={`/${locale}/staff/opportunities/new?kind=job`}>
            {t('newJob')}
          </a>
        </li>
      </ul>
      {rows.length === 0 ? (
        <p className="mt-6">{t('empty')}</p>
      ) : (
        <DataTable caption={t('tableCaption')} columns={[t('columns.title'), t('columns.kind'), t('columns.for'), t('columns.date'), t('columns.state'), t('columns.updated')]} className="mt-6">
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-200 align-top">
              <td className="p-2">
                <a className="text-brand-700 underline" href={`/${locale}/staff/opportunities/${r.id}`}>
                  {title(r)}
                </a>
              </td>
              <td className="p-2">{t(`kinds.${r.kind}`)}</td>
              <td className="p-2">{r.kind === 'cohort' ? (r.program ? o(`program.${r.program as 'hello-valle'}`) : '—') : (r.employerName ?? '—')}</td>
              <td className="p-2">
                {r.kind === 'cohort'
                  ? r.startsOn ? t('starts', { date: format.dateTime(r.startsOn, { dateStyle: 'medium', timeZone: 'UTC' }) }) : '—'
                  : r.closesOn ? t('closes', { date: format.dateTime(r.closesOn, { dateStyle: 'medium', timeZone: 'UTC' }) }) : '—'}
              </td>
              <td className="p-2" data-state={r.state}>{t(`states.${r.state}`)}</td>
              <td className="p-2">{format.dateTime(r.updatedAt, 'moment')}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
