import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { getPartner } from '@/lib/partners/manage';
import { updatePartnerAction } from '@/lib/partners/actions';
import { requirePermission, staffData, staffPageTitle } from '@/lib/staff/page';
import { PartnerForm } from '@/components/staff/PartnerForm';
import { partnerFormText } from '@/components/staff/partner-form-text';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/partners/[id]'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'StaffPartners' });
  return pageMetadata({ locale, path: '/staff/partners', title: await staffPageTitle(locale, t('editTitle'), 'partners:manage'), noIndex: true });
}

export default async function StaffPartnerPage({ params }: PageProps<'/[locale]/staff/partners/[id]'>) {
  const { locale, id } = (await params) as { locale: Locale; id: string };
  setRequestLocale(locale);
  const path = `/staff/partners/${id}`;
  const viewer = await requirePermission(locale, path, 'partners:manage');
  const partner = await staffData(locale, path, () => getPartner(viewer, id));
  const t = await getTranslations({ locale, namespace: 'StaffPartners' });
  const back = (
    <a className="mt-4 inline-block text-brand-700 underline" href={`/${locale}/staff/partners`}>
      {t('back')}
    </a>
  );
  if (!partner) {
    return (
      <div>
        <h1 className="text-3xl font-bold">{t('notFound')}</h1>
        {back}
      </div>
    );
  }
  return (
    <div>
      <h1 className="text-3xl font-bold">{t('editHeading', { name: partner.name })}</h1>
      {back}
      <PartnerForm
        save={updatePartnerAction.bind(null, locale, partner.id)}
        initial={{
          name: partner.name,
          kind: partner.kind,
          country: partner.country,
          receivesAs: partner.receivesAs,
          agreementReference: partner.agreementReference ?? '',
        }}
        text={await partnerFormText(locale, 'save')}
        idPrefix="edit-partner"
      />
    </div>
  );
}
