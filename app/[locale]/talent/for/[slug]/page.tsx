import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { programSlugs, type ProgramSlug } from '@/lib/programs/slugs';
import { pageMetadata } from '@/lib/seo/metadata';
import { TalentSignUp } from '@/components/talent/TalentSignUp';
import { signUpAction } from '../../actions';

// /{locale}/talent?program=<slug> is rewritten here (next.config.ts), so the program comes ticked even without
// JavaScript. Rendered per request, like talent/page.tsx, for the CSP nonce; unknown slugs are a 404.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/talent/for/[slug]'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'TalentPage' });
  // One form, one canonical address.
  return pageMetadata({ locale, path: '/talent', title: t('metaTitle'), description: t('metaDescription') });
}

export default async function TalentForProgramPage({ params }: PageProps<'/[locale]/talent/for/[slug]'>) {
  const { locale, slug } = (await params) as { locale: Locale; slug: ProgramSlug };
  if (!programSlugs.includes(slug)) notFound();
  setRequestLocale(locale);
  return <TalentSignUp locale={locale} action={signUpAction.bind(null, locale)} preselectedProgram={slug} />;
}
