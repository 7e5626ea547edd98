import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { HomeHero } from '@/components/home/HomeHero';
import { HomeFinder } from '@/components/home/HomeFinder';
import { ProgramsByAudience } from '@/components/programs/ProgramsByAudience';
import { HomeAbout } from '@/components/home/HomeAbout';
import { HomeInvestors } from '@/components/home/HomeInvestors';

// Only the two languages: a missing file (/no-such-file.png) would otherwise match this route with a made-up
// locale, now that the layout leaves dynamicParams open for opportunity pages; this way it gets Next's root 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'Home.meta' });
  return pageMetadata({ locale, path: '/', description: t('description') });
}

// For residents first: the finder right under the hero, then the programs a person joins, then the initiatives
// for organizations; the regional figures are on the investors' page, one line away.
export default async function HomePage({ params }: PageProps<'/[locale]'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  return (
    <>
      <HomeHero locale={locale} />
      <HomeFinder locale={locale} />
      <ProgramsByAudience locale={locale} />
      <HomeAbout locale={locale} />
      <HomeInvestors locale={locale} />
    </>
  );
}
