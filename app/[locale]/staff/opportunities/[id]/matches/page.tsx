import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { formatNumber } from '@/lib/format';
import { municipalityName, outsideValle } from '@/lib/municipalities';
import { pageMetadata } from '@/lib/seo/metadata';
import { findMatches, siteYear } from '@/lib/opportunities/matching';
import { requestContext, requireViewer, staffData } from '@/lib/staff/page';
import { DataTable } from '@/components/staff/DataTable';
import { Pagination } from '@/components/staff/Pagination';
import { OpportunityHeader } from '@/components/staff/opportunities/OpportunityHeader';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/opportunities/[id]/matches'>): Promise<Metadata> {
  const { locale, id } = (await params) as { locale: Locale; id: string };
  const t = await getTranslations({ locale, namespace: 'StaffMatches' });
  return pageMetadata({ locale, path: `/staff/opportunities/${id}/matches`, title: t('title'), noIndex: true });
}

export default async function OpportunityMatchesPage({ params, searchParams }: PageProps<'/[locale]/staff/opportunities/[id]/matches'>) {
  const { locale, id } = (await params) as { locale: Locale; id: string };
  setRequestLocale(locale);
  const path = `/staff/opportunities/${id}/matches`;
  const viewer = await requireViewer(locale, path);
  const query = await searchParams;
  const page = Number(typeof query.page === 'string' ? query.page : '1') || 1;
  const context = await requestContext();
  const matches = await staffData(locale, path, () => findMatches(viewer, id, { page, ipAddress: context.ipAddress }));
  const t = await getTranslations({ locale, namespace: 'StaffMatches' });
  const options = await getTranslations({ locale, namespace: 'Options' });
  if (!matches) return <h1 className="text-2xl font-bold">{t('notFound')}</h1>;
  const year = siteYear();
  const place = (code: string) => (code === outsideValle ? options('municipalityOther') : (municipalityName(code) ?? code));
  const interest = (s: string) => (options.has(`interest.${s as 'technology'}`) ? options(`interest.${s as 'technology'}`) : s);
  const pageCount = Math.max(1, Math.ceil(matches.total / matches.pageSize));
  return (
    <div>
      <OpportunityHeader locale={locale} opportunity={matches.opportunity} current="matches" />
      <h2 className="mt-6 text-xl font-bold">{t('title')}</h2>
      <p className="mt-2 max-w-3xl">{t('criteria', { kind: matches.opportunity.kind })}</p>
      <dl className="mt-4 grid max-w-xl grid-cols-2 gap-4">
        <div className="rounded border border-slate-200 p-4">
          <dt className="text-sm text-slate-700">{t('total')}</dt>
          <dd className="text-3xl font-bold text-brand-700" data-testid="matches-total">
            {formatNumber(locale, matches.total)}
          </dd>
        </div>
        <div className="rounded border border-slate-200 p-4">
          <dt className="text-sm text-slate-700">{t('toAnnounce')}</dt>
          <dd className="text-3xl font-bold text-brand-700" data-testid="matches-to-announce">
            {formatNumber(locale, matches.toAnnounce)}
          </dd>
        </div>
      </dl>
      <p className="mt-4">
        <a className="text-brand-700 underline" href={`/${locale}/staff/opportunities/${id}/announce`}>
          {t('goAnnounce')}
        </a>
      </p>
      {matches.candidates.length === 0 ? (
        <p className="mt-6">{t('none')}</p>
      ) : (
        <>
          <DataTable caption={t('caption')} columns={[t('name'), t('municipality'), t('age'), t('englishLevel'), t('interests'), t('announced')]}>
            {matches.candidates.map((c) => (
              <tr key={c.id} className="border-b border-slate-200">
                <td className="p-2">
                  <a className="text-brand-700 underline" href={`/${locale}/staff/candidates/${c.id}`}>
                    {c.fullName}
                  </a>
                </td>
                <td className="p-2">{place(c.municipality)}</td>
                <td className="p-2">{year - c.birthYear}</td>
                <td className="p-2">{c.englishLevel}</td>
                <td className="p-2">{c.interests.map(interest).join(', ')}</td>
                <td className="p-2">{c.inPipeline ? t('yes') : t('no')}</td>
              </tr>
            ))}
          </DataTable>
          <Pagination locale={locale} page={matches.page} pageCount={pageCount} href={(p) => `/${locale}${path}?page=${p}`} />
        </>
      )}
    </div>
  );
}
