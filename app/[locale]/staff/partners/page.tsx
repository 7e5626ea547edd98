import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { listPartners } from '@/lib/partners/manage';
import { archivePartnerAction, createPartnerAction } from '@/lib/partners/actions';
import { emptyPartnerValues } from '@/lib/partners/schema';
import { requirePermission, staffData, staffPageTitle } from '@/lib/staff/page';
import { DataTable, StatusNotice } from '@/components/staff/DataTable';
import { PartnerForm } from '@/components/staff/PartnerForm';
import { partnerFormText } from '@/components/staff/partner-form-text';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/partners'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'StaffPartners' });
  return pageMetadata({ locale, path: '/staff/partners', title: await staffPageTitle(locale, t('title'), 'partners:manage'), noIndex: true });
}

const noticeKeys = ['updated', 'archived', 'restored', 'notFound', 'forbidden'] as const;
const button = 'rounded border border-slate-500 px-2 py-1 hover:border-brand-700';

export default async function StaffPartnersPage({ params, searchParams }: PageProps<'/[locale]/staff/partners'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const viewer = await requirePermission(locale, '/staff/partners', 'partners:manage');
  const partners = await staffData(locale, '/staff/partners', () => listPartners(viewer));
  const { notice } = await searchParams;
  const t = await getTranslations({ locale, namespace: 'StaffPartners' });
  const format = await getFormatter({ locale });
  const noticeKey = noticeKeys.find((k) => k === notice);

  return (
    <div>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>
      {noticeKey && <StatusNotice tone={noticeKey === 'notFound' || noticeKey === 'forbidden' ? 'warning' : 'success'}>{t(`notice.${noticeKey}`)}</StatusNotice>}
      {partners.length === 0 ? (
        <p className="mt-6">{t('empty')}</p>
      ) : (
        <DataTable caption={t('tableCaption')} columns={[t('name'), t('kind'), t('country'), t('receivesAs'), t('agreementReference'), t('sharings'), t('actions')]} className="mt-6">
          {partners.map((p) => (
            <tr key={p.id} className="border-b border-slate-200 align-top">
              <td className="p-2">
                <a className="text-brand-700 underline" href={`/${locale}/staff/partners/${p.id}`} aria-label={t('edit', { name: p.name })}>
                  {p.name}
                </a>
                {p.archivedAt && <span className="block text-slate-700">{t('archivedOn', { date: format.dateTime(p.archivedAt, 'day') })}</span>}
              </td>
              <td className="p-2">{t(`kinds.${p.kind}`)}</td>
              <td className="p-2">{p.country}</td>
              <td className="p-2">{t(`receivesAsOptions.${p.receivesAs}`)}</td>
              <td className="p-2">{p.agreementReference ?? '—'}</td>
              <td className="p-2">{p.sharings}</td>
              <td className="p-2">
                <form action={archivePartnerAction.bind(null, locale)}>
                  <input type="hidden" name="id" value={p.id} />
                  <input type="hidden" name="archive" value={p.archivedAt ? '0' : '1'} />
                  <button type="submit" className={button}>
                    {p.archivedAt ? t('restore', { name: p.name }) : t('archive', { name: p.name })}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </DataTable>
      )}

      <section aria-labelledby="add-partner" className="mt-10">
        <h2 id="add-partner" className="text-xl font-bold">
          {t('addHeading')}
        </h2>
        <PartnerForm save={createPartnerAction.bind(null, locale)} initial={emptyPartnerValues} text={await partnerFormText(locale, 'add')} idPrefix="new-partner" />
      </section>
    </div>
  );
}
