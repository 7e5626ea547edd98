import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { filterSegments, parseFilterSegment } from '@/lib/opportunities/filters';
import { publishedOpportunities } from '@/lib/opportunities/public';
import { OpportunityList } from '@/components/opportunities/OpportunityList';

// Each filter of the list is a page of its own, served by proxy.ts at /{locale}/opportunities?kind=…&interest=…
export const revalidate = 300;
export const dynamicParams = false;

export function generateStaticParams() {
  return filterSegments.map((filter) => ({ filter }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/opportunities/filter/[filter]'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'Opportunities' });
  // The list's own address is the one to index; its filtered views point to it.
  return { ...(await pageMetadata({ locale, path: '/opportunities', title: t('title'), description: t('metaDescription') })), robots: { index: false, follow: true } };
}

export default async function FilteredOpportunitiesPage({ params }: PageProps<'/[locale]/opportunities/filter/[filter]'>) {
  const { locale, filter: segment } = (await params) as { locale: Locale; filter: string };
  setRequestLocale(locale);
  const filter = parseFilterSegment(segment);
  if (!filter) notFound();
  return <OpportunityList locale={locale} opportunities={await publishedOpportunities()} filter={filter} />;
}
