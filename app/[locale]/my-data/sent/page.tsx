import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { mailSender, senderAddress } from '@/lib/site';
import { myDataLinkMinutes } from '@/lib/candidates/link-settings';

// The same page for every address: it tells nobody whether one is registered.
export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/my-data/sent'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'MyData' });
  return pageMetadata({ locale, path: '/my-data/sent', title: t('sentMetaTitle'), noIndex: true });
}

export default async function MyDataLinkSentPage({ params }: PageProps<'/[locale]/my-data/sent'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'MyData' });
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t('sentTitle')}</h1>
      <p className="mt-4 text-lg">{t('sentBody', { sender: senderAddress(mailSender), minutes: myDataLinkMinutes })}</p>
      <p className="mt-6">
        <a className="text-brand-700 underline" href={`/${locale}/my-data`}>
          {t('askAgain')}
        </a>
      </p>
    </div>
  );
}
