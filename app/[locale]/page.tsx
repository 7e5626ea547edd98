import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { HomeHero } from '@/components/home/HomeHero';
import { HomeAbout } from '@/components/home/HomeAbout';
import { HomeFacts } from '@/components/home/HomeFacts';
import { HomePrograms } from '@/components/home/HomePrograms';
import { JoinBand } from '@/components/JoinBand';

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'Home.meta' });
  return pageMetadata({ locale, path: '/', description: t('description') });
}

export default async function HomePage({ params }: PageProps<'/[locale]'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Home.join' });
  return (
    <>
      <HomeHero locale={locale} />
      <HomeAbout locale={locale} />
      <HomeFacts locale={locale} />
      <HomePrograms locale={locale} />
      <JoinBand id="join" heading={t('heading')} text={t('text')} href={`/${locale}/join`} link={t('link')} />
    </>
  );
}
