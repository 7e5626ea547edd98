import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { decodeOrganizationState, organizationStateHeader } from '@/lib/organizations/form-state';
import { JoinPage } from '@/components/JoinPage';

// The organizations' form sent back by proxy.ts (lib/organizations/no-js.ts) with its errors, at the join/submit
// address, under the status the proxy chose. The state comes in a header only the proxy writes; without it, the
// empty form. Its title says the request was not sent: the first thing a screen reader reads.
export async function generateMetadata({ params }: PageProps<'/[locale]/join/review'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'JoinReview' });
  const m = await getTranslations({ locale, namespace: 'Join.meta' });
  const state = decodeOrganizationState((await headers()).get(organizationStateHeader));
  const errors = state ? Object.keys(state.fieldErrors).length : 0;
  const title = errors > 0 ? t('titleErrors', { count: errors }) : t('titleNotSent');
  return pageMetadata({ locale, path: '/join', title, description: m('description'), noIndex: true });
}

export default async function JoinReviewPage({ params }: PageProps<'/[locale]/join/review'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const state = decodeOrganizationState((await headers()).get(organizationStateHeader));
  if (!state) redirect(`/${locale}/join`);
  return <JoinPage locale={locale} state={state} />;
}
