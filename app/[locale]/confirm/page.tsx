import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { serverConfig } from '@/lib/config/env';
import { linkState, type LinkState } from '@/lib/candidates/confirm';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { EmailLinkForm } from '@/components/candidates/EmailLinkForm';
import { emailLinkFormText } from '@/components/candidates/linkFormText';
import { confirmAction, requestConfirmLinkAction } from './actions';

// The page a confirmation mail links to. Opening it changes nothing (mail scanners open links); the button posts.
export async function generateMetadata({ params }: PageProps<'/[locale]/confirm'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'Confirm' });
  return pageMetadata({ locale, path: '/confirm', title: t('metaTitle'), noIndex: true });
}

export default async function ConfirmPage({ params, searchParams }: PageProps<'/[locale]/confirm'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const query = await searchParams;
  const token = typeof query.token === 'string' ? query.token : '';
  const t = await getTranslations({ locale, namespace: 'Confirm' });
  let state: LinkState | 'unavailable';
  try {
    state = await linkState({ token, purpose: 'confirm_sign_up' });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    state = 'unavailable';
  }

  if (state === 'valid') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">{t('validTitle')}</h1>
        <p className="mt-4 text-lg">{t('validBody')}</p>
        {query.retry === '1' && (
          <p role="status" className="mt-4 rounded border border-amber-700 bg-amber-50 p-3">
            {t('retry')}
          </p>
        )}
        <form action={confirmAction.bind(null, locale)} className="mt-6">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="rounded bg-brand-700 px-5 py-3 font-bold text-white hover:bg-brand-800">
            {t('button')}
          </button>
        </form>
      </div>
    );
  }
  if (state === 'unavailable') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">{t('unavailableTitle')}</h1>
        <p className="mt-4 text-lg">{t('unavailableBody')}</p>
      </div>
    );
  }
  if (state === 'used') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">{t('usedTitle')}</h1>
        <p className="mt-4 text-lg">{t('usedBody')}</p>
        <p className="mt-6">
          <a className="text-brand-700 underline" href={`/${locale}/my-data`}>
            {t('myData')}
          </a>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{state === 'expired' ? t('expiredTitle') : t('invalidTitle')}</h1>
      <p className="mt-4 text-lg">
        {state === 'expired' ? t('expiredBody', { days: serverConfig().SIGNUP_CONFIRM_TTL_DAYS }) : t('invalidBody')}
      </p>
      <h2 className="mt-8 text-xl font-bold">{t('askTitle')}</h2>
      <EmailLinkForm permalink={`/${locale}/confirm/new`} idPrefix="confirm-new" action={requestConfirmLinkAction.bind(null, locale)} text={await emailLinkFormText(locale, t('askSubmit'))} />
    </div>
  );
}
