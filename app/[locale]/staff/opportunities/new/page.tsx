import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { requirePermission, staffData, staffPageTitle } from '@/lib/staff/page';
import { listPartnerOptions } from '@/lib/partners/list';
import { saveOpportunityAction } from '@/lib/opportunities/edit-actions';
import { emptyOpportunityValues } from '@/lib/opportunities/schema';
import { OpportunityForm } from '@/components/staff/OpportunityForm';

export async function generateMetadata({ params, searchParams }: PageProps<'/[locale]/staff/opportunities/new'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const kind = (await searchParams).kind === 'job' ? 'job' : 'cohort';
  const t = await getTranslations({ locale, namespace: 'StaffOpportunities' });
  return pageMetadata({ locale, path: '/staff/opportunities/new', title: await staffPageTitle(locale, t(`newTitle.${kind}`), 'opportunities:manage'), noIndex: true });
}

export default async function NewOpportunityPage({ params, searchParams }: PageProps<'/[locale]/staff/opportunities/new'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const kind = (await searchParams).kind === 'job' ? 'job' : 'cohort';
  const viewer = await requirePermission(locale, '/staff/opportunities/new', 'opportunities:manage');
  const employers = await staffData(locale, '/staff/opportunities/new', () => listPartnerOptions(viewer, { kind: 'employer' }));
  const t = await getTranslations({ locale, namespace: 'StaffOpportunities' });
  const messages = await getMessages({ locale });
  return (
    <div>
      <p>
        <a className="text-brand-700 underline" href={`/${locale}/staff/opportunities`}>
          {t('back')}
        </a>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t(`newTitle.${kind}`)}</h1>
      <p className="mt-2 max-w-3xl">{t('newIntro')}</p>
      <NextIntlClientProvider locale={locale} messages={{ StaffOpportunityForm: messages.StaffOpportunityForm, Options: messages.Options }}>
        <OpportunityForm save={saveOpportunityAction.bind(null, locale, null)} initial={emptyOpportunityValues(kind)} published={false} employers={employers} />
      </NextIntlClientProvider>
    </div>
  );
}
