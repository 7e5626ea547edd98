import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { FinderAnswer } from '@/components/finder/FinderAnswer';

// The finder's address. proxy.ts serves a complete answer from its own prerendered page (for-you/[answer]); this
// page is what a request with a missing or malformed answer gets: the questions again.
export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/for-you'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'Finder' });
  return pageMetadata({ locale, path: '/for-you', title: t('answer.incompleteTitle'), description: t('meta.description'), noIndex: true });
}

export default async function FinderPage({ params }: PageProps<'/[locale]/for-you'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  return <FinderAnswer locale={locale} />;
}
