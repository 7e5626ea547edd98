import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { programSlugs, type ProgramSlug } from '@/lib/programs/slugs';
import { programBySlug } from '@/lib/programs/data';
import { ProgramDetail } from '@/components/programs/ProgramDetail';

// Unknown slugs never reach this page: the proxy answers them with the localized 404 (see lib/routes.ts).
export const dynamicParams = false;

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
  return <ProgramDetail locale={locale} program={programBySlug(slug)} />;
}
