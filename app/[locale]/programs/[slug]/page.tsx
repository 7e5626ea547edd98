import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { programSlugs, type ProgramSlug } from '@/lib/programs/slugs';
import { programBySlug } from '@/lib/programs/data';
import { upcomingCohorts } from '@/lib/opportunities/public';
import { siteWallClock } from '@/lib/time-zone';
import { ProgramDetail } from '@/components/programs/ProgramDetail';

// Unknown slugs never reach this page: the proxy answers them with the localized 404 (see lib/routes.ts).
export const dynamicParams = false;
// Static, with the program's upcoming cohorts: made again when staff publish, edit or close one of them
// (lib/opportunities/revalidate.ts), and every five minutes (a cohort that has ended leaves the page; another instance learns of a change).
export const revalidate = 300;

// Next calls this once for each locale app/[locale]/layout.tsx generates.
export function generateStaticParams() {
  return programSlugs.map((slug) => ({ slug }));
}

type Params = { locale: Locale; slug: ProgramSlug };

export async function generateMetadata({ params }: PageProps<'/[locale]/programs/[slug]'>): Promise<Metadata> {
  const { locale, slug } = (await params) as Params;
  const t = await getTranslations({ locale, namespace: 'Programs.items' });
  const o = await getTranslations({ locale, namespace: 'Options.program' });
  return pageMetadata({
    locale,
    path: `/programs/${slug}`,
    title: o(slug),
    description: t(`${slug}.metaDescription`),
  });
}

export default async function ProgramPage({ params }: PageProps<'/[locale]/programs/[slug]'>) {
  const { locale, slug } = (await params) as Params;
  setRequestLocale(locale);
  const today = siteWallClock(new Date()).toISOString().slice(0, 10);
  return <ProgramDetail locale={locale} program={programBySlug(slug)} cohorts={await upcomingCohorts(slug, today)} />;
}
