import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { publicOpportunity, publicOpportunitySlugs } from '@/lib/opportunities/public';
import { OpportunityDetail } from '@/components/opportunities/OpportunityDetail';

// Static like the list. The opportunities published when the app was built are prerendered then; one published
// later is rendered on its first request and kept (dynamicParams), and every change revalidates it.
export const revalidate = 300;
export const dynamicParams = true;

export async function generateStaticParams() {
  return (await publicOpportunitySlugs()).map((slug) => ({ slug }));
}

type Params = { locale: Locale; slug: string };

export async function generateMetadata({ params }: PageProps<'/[locale]/opportunities/[slug]'>): Promise<Metadata> {
  const { locale, slug } = (await params) as Params;
  const opportunity = await publicOpportunity(slug);
  if (!opportunity) return {};
  const description = opportunity.description[locale].replace(/\s+/g, ' ').slice(0, 160);
  return pageMetadata({ locale, path: `/opportunities/${slug}`, title: opportunity.title[locale], description });
}

export default async function OpportunityPage({ params }: PageProps<'/[locale]/opportunities/[slug]'>) {
  const { locale, slug } = (await params) as Params;
  setRequestLocale(locale);
  const opportunity = await publicOpportunity(slug);
  if (!opportunity) notFound();
  return <OpportunityDetail locale={locale} opportunity={opportunity} />;
}
