import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { serverConfig } from '@/lib/config/env';
import { linkState, type LinkState } from '@/lib/candidates/confirm';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { openMyDataAction } from '../actions';

// The page a My data mail links to. Opening it spends nothing (mail scanners open links); the button does.
export async function generateMetadata({ params }: PageProps<'/[locale]/my-data/open'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'MyData' });
  return pageMetadata({ locale, path: '/my-data/open', title: t('openMetaTitle'), noIndex: true });
}

export default async function OpenMyDataPage({ params, searchParams }: PageProps<'/[locale]/my-data/open'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const query = await searchParams;
  const token = typeof query.token === 'string' ? query.token : '';
  const t = await getTranslations({ locale, namespace: 'MyData' });
  const config = serverConfig();
  let state: LinkState | 'unavailable';
  try {
    state = await linkState({ token, purpose: 'my_data' });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    state = 'unavailable';
  }
  if (state === 'valid') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">{t('openTitle')}</h1>
        <p className="mt-4 text-lg">{t('openBody', { minutes: config.MY_DATA_SESSION_MINUTES })}</p>
        {query.retry === '1' && (
          <p role="status" className="mt-4 rounded border border-amber-700 bg-amber-50 p-3">
            {t('unavailable')}
          </p>
        )}
        <form action={openMyDataAction.bind(null, locale)} className="mt-6">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="rounded bg-brand-700 px-5 py-3 font-bold text-white hover:bg-brand-800">
            {t('openButton')}
          </button>
        </form>
      </div>
    );
  }
  const reason = {
    used: t('linkUsed'),
    expired: t('linkExpired', { minutes: config.MY_DATA_LINK_MINUTES }),
    invalid: t('linkInvalid'),
    unavailable: t('unavailable'),
  }[state];
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t('openTitle')}</h1>
      <p className="mt-4 text-lg">{reason}</p>
      <p className="mt-6">
        <a className="text-brand-700 underline" href={`/${locale}/my-data`}>
          {t('newLink')}
        </a>
      </p>
    </div>
  );
}
