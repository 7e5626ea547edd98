import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { MessagePage } from '@/components/ui/MessagePage';

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/unsubscribe/done'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'Unsubscribe' });
  return pageMetadata({ locale, path: '/unsubscribe/done', title: t('doneTitle'), noIndex: true });
}

export default async function UnsubscribedPage({ params }: PageProps<'/[locale]/unsubscribe/done'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Unsubscribe' });
  return <MessagePage title={t('doneTitle')} body={t('doneBody')} link={{ href: `/${locale}/my-data`, label: t('myData') }} />;
}
