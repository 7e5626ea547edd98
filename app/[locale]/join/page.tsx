import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { JoinPage as JoinContent } from '@/components/JoinPage';

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/join'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'Join.meta' });
  return pageMetadata({ locale, path: '/join', title: t('title'), description: t('description') });
}

export default async function JoinPage({ params }: PageProps<'/[locale]/join'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  return <JoinContent locale={locale} />;
}
