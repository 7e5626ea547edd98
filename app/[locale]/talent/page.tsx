import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { isProgramSlug } from '@/lib/programs/slugs';
import { pageMetadata } from '@/lib/seo/metadata';
import { TalentSignUp } from '@/components/talent/TalentSignUp';
import { signUpAction } from './actions';

// Rendered per request so that its scripts carry the CSP nonce proxy.ts makes: this page takes personal data.
// That also lets it read `?program=<slug>`, which comes ticked without JavaScript; any other value is ignored.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/talent'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'TalentPage' });
  // One form, one canonical address, whatever program is ticked.
  return pageMetadata({ locale, path: '/talent', title: t('metaTitle'), description: t('metaDescription') });
}

export default async function TalentPage({ params, searchParams }: PageProps<'/[locale]/talent'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const { program } = await searchParams;
  const preselected = typeof program === 'string' && isProgramSlug(program) ? program : undefined;
  return <TalentSignUp locale={locale} action={signUpAction.bind(null, locale)} preselectedProgram={preselected} />;
}
