import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { InvestorsPage as InvestorsContent } from '@/components/InvestorsPage';

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/investors'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'Investors' });
  return pageMetadata({ locale, path: '/investors', title: t('metaTitle'), description: t('metaDescription') });
}

export default async function InvestorsPage({ params }: PageProps<'/[locale]/investors'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  return <InvestorsContent locale={locale} />;
}
