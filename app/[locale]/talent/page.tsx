import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { TalentSignUp } from '@/components/talent/TalentSignUp';
import { signUpAction } from './actions';

// Rendered per request so that its scripts carry the CSP nonce proxy.ts makes: this page takes personal data.
// `?program=<slug>` is served by talent/for/[slug] through a rewrite in next.config.ts.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/talent'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'TalentPage' });
  return pageMetadata({ locale, path: '/talent', title: t('metaTitle'), description: t('metaDescription') });
}

export default async function TalentPage({ params }: PageProps<'/[locale]/talent'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  return <TalentSignUp locale={locale} action={signUpAction.bind(null, locale)} />;
}
