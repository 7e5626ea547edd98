import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { decodeFormState, formStateHeader } from '@/lib/candidates/no-js-page';
import { TalentSignUp } from '@/components/talent/TalentSignUp';
import { signUpAction } from '../actions';

// The sign-up form as the server sends it back to a browser without JavaScript: filled in, with its errors, at
// the talent/submit address under the status proxy.ts chose (lib/candidates/no-js-sign-up.ts). The state comes in
// a request header only the proxy writes; without it, anyone is sent to the empty form. Its title says the sign-up
// was not sent, and how many answers need attention: the first thing a screen reader reads on the page that
// comes back.
export async function generateMetadata({ params }: PageProps<'/[locale]/talent/review'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'TalentPage' });
  const r = await getTranslations({ locale, namespace: 'TalentReview' });
  const state = decodeFormState((await headers()).get(formStateHeader));
  const errors = state ? Object.keys(state.fieldErrors).length : 0;
  const title = errors > 0 ? r('titleErrors', { count: errors }) : r('titleNotSent');
  return pageMetadata({ locale, path: '/talent', title, description: t('metaDescription'), noIndex: true });
}

export default async function TalentReviewPage({ params }: PageProps<'/[locale]/talent/review'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const state = decodeFormState((await headers()).get(formStateHeader));
  if (!state) redirect(`/${locale}/talent`);
  return <TalentSignUp locale={locale} action={signUpAction.bind(null, locale)} state={state} />;
}
