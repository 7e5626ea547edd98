import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { publishedOpportunities } from '@/lib/opportunities/public';
import { OpportunityList } from '@/components/opportunities/OpportunityList';

// Static: made at build and again when staff publish, edit or close an opportunity (lib/opportunities/revalidate.ts);
// every five minutes as well: the build may have run without a database, and another instance behind the
// same nginx only learns of a change this way.
export const revalidate = 300;

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/opportunities'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'Opportunities' });
  return pageMetadata({ locale, path: '/opportunities', title: t('title'), description: t('metaDescription') });
}

export default async function OpportunitiesPage({ params }: PageProps<'/[locale]/opportunities'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  return <OpportunityList locale={locale} opportunities={await publishedOpportunities()} filter={{ kind: 'all', interest: 'all' }} />;
}
