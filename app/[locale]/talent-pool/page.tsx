import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { publishedTalentPool, talentPoolRevalidateSeconds } from '@/lib/talent-pool/data';
import { TalentPoolPage as TalentPoolContent } from '@/components/talent-pool/TalentPoolPage';

// Static, regenerated at most every TALENT_POOL_REVALIDATE_SECONDS (publishedTalentPool sets the period) or on
// demand (app/api/talent-pool/revalidate): a visitor always gets the page Next has, never waits for the database.
export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/talent-pool'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'TalentPool' });
  return pageMetadata({ locale, path: '/talent-pool', title: t('metaTitle'), description: t('metaDescription') });
}

export default async function TalentPoolPage({ params }: PageProps<'/[locale]/talent-pool'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const pool = await publishedTalentPool();
  return <TalentPoolContent locale={locale} pool={pool} revalidateSeconds={talentPoolRevalidateSeconds()} />;
}
