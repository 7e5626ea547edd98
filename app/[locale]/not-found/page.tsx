import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { NotFoundContent } from '@/components/NotFoundContent';
import { routing, type Locale } from '@/lib/i18n/routing';
import { siteUrl } from '@/lib/site';

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/not-found'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  const m = await getTranslations({ locale, namespace: 'Metadata' });
  return { metadataBase: new URL(siteUrl), title: m('titleTemplate', { title: t('title') }), description: t('description'), robots: { index: false, follow: true } };
}

export default async function NotFoundPage({ params }: PageProps<'/[locale]/not-found'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  return <NotFoundContent locale={locale} />;
}
