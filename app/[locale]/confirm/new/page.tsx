import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { EmailLinkForm } from '@/components/candidates/EmailLinkForm';
import { emailLinkFormText } from '@/components/candidates/linkFormText';
import { requestConfirmLinkAction } from '../actions';

// Asking for a new confirmation link (from the sign-up's thank-you page): static, the form posts to a server action.
export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/confirm/new'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'Confirm' });
  return pageMetadata({ locale, path: '/confirm/new', title: t('askTitle'), noIndex: true });
}

export default async function NewConfirmationLinkPage({ params }: PageProps<'/[locale]/confirm/new'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Confirm' });
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t('askTitle')}</h1>
      <EmailLinkForm permalink={`/${locale}/confirm/new`} idPrefix="confirm-new" action={requestConfirmLinkAction.bind(null, locale)} text={await emailLinkFormText(locale, t('askSubmit'))} />
    </div>
  );
}
