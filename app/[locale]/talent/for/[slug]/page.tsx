import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import { programSlugs, type ProgramSlug } from '@/lib/programs/slugs';
import { pageMetadata } from '@/lib/seo/metadata';
import { TalentSignUp } from '@/components/talent/TalentSignUp';
import { signUpAction } from '../../actions';

// /{locale}/talent?program=<slug> is rewritten here (next.config.ts), so the program comes ticked even without
// JavaScript while every variant stays prerendered: a static page cannot read the query string.
export const dynamicParams = false;

export function generateStaticParams() {
  return routing.locales.flatMap((locale) => programSlugs.map((slug) => ({ locale, slug })));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/talent/for/[slug]'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'TalentPage' });
  // One form, one canonical address.
  return pageMetadata({ locale, path: '/talent', title: t('metaTitle'), description: t('metaDescription') });
}

export default async function TalentForProgramPage({ params }: PageProps<'/[locale]/talent/for/[slug]'>) {
  const { locale, slug } = (await params) as { locale: Locale; slug: ProgramSlug };
  setRequestLocale(locale);
  return <TalentSignUp locale={locale} action={signUpAction.bind(null, locale)} preselectedProgram={slug} />;
}
