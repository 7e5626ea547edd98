import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { myDataLinkMinutes } from '@/lib/candidates/link-settings';
import { EmailLinkForm } from '@/components/candidates/EmailLinkForm';
import { emailLinkFormText } from '@/components/candidates/linkFormText';
import { requestMyDataLinkAction } from './actions';

// Where candidates exercise their rights themselves. Static: the one-field form posts to a server action, which
// answers every address the same way.
export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/my-data'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'MyData' });
  return pageMetadata({ locale, path: '/my-data', title: t('metaTitle'), description: t('intro') });
}

export default async function MyDataRequestPage({ params }: PageProps<'/[locale]/my-data'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'MyData' });
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4 text-lg">{t('intro')}</p>
      <p className="mt-4">{t('how', { minutes: myDataLinkMinutes })}</p>
      <EmailLinkForm permalink={`/${locale}/my-data`} idPrefix="my-data" action={requestMyDataLinkAction.bind(null, locale)} text={await emailLinkFormText(locale, t('submit'))} />
    </div>
  );
}
