import { getTranslations } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import { ogContentType, ogImage, ogSize } from '@/lib/seo/og-image';
import { programSlugs, type ProgramSlug } from '@/lib/programs/slugs';

export const size = ogSize;
export const contentType = ogContentType;
export const alt = 'Talento Bilingüe · Bilingual Talent';

// Drawn at build time, once per program and language.
export function generateStaticParams() {
  return routing.locales.flatMap((locale) => programSlugs.map((slug) => ({ locale, slug })));
}

export default async function Image({ params }: { params: Promise<{ locale: Locale; slug: ProgramSlug }> }) {
  const { locale, slug } = await params;
  const o = await getTranslations({ locale, namespace: 'Options.program' });
  const t = await getTranslations({ locale, namespace: 'Programs.items' });
  return ogImage({ locale, title: o(slug), subtitle: t(`${slug}.tagline`) });
}
