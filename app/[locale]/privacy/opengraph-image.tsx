import { getTranslations } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import { ogContentType, ogImage, ogSize } from '@/lib/seo/og-image';

export const size = ogSize;
export const contentType = ogContentType;
export const alt = 'Talento Bilingüe · Bilingual Talent';

// Drawn at build time, once per language.
export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export default async function Image({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'PrivacyPolicy' });
  return ogImage({ locale, title: t('title') });
}
