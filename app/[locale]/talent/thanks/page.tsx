import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { agencyEmail, mailSender, senderAddress } from '@/lib/site';
import { confirmLinkDays } from '@/lib/candidates/link-settings';

// The same page for every sign-up, new email or known: it must not tell anyone whether an address was registered.
// It says what happens next: a confirmation mail, from which address, valid how long.
export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/talent/thanks'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'TalentThanks' });
  return pageMetadata({ locale, path: '/talent/thanks', title: t('metaTitle'), noIndex: true });
}

export default async function TalentThanksPage({ params }: PageProps<'/[locale]/talent/thanks'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'TalentThanks' });
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4 text-lg">{t('received')}</p>
      <p className="mt-4 text-lg">{t('check', { sender: senderAddress(mailSender), days: confirmLinkDays })}</p>
      <p className="mt-4">{t('known')}</p>
      <p className="mt-4">
        {t('notArrived')}{' '}
        <a className="text-brand-700 underline" href={`/${locale}/confirm/new`}>
          {t('newLink')}
        </a>
      </p>
      <p className="mt-4">{t('next')}</p>
      <p className="mt-4">
        {t.rich('rights', {
          email: agencyEmail,
          mydata: (chunks) => (
            <a className="text-brand-700 underline" href={`/${locale}/my-data`}>
              {chunks}
            </a>
          ),
          mail: (chunks) => (
            <a className="text-brand-700 underline" href={`mailto:${agencyEmail}`}>
              {chunks}
            </a>
          ),
        })}
      </p>
      <ul className="mt-6 flex flex-col gap-2">
        <li>
          <a className="text-brand-700 underline" href={`/${locale}/programs`}>
            {t('programs')}
          </a>
        </li>
        <li>
          <a className="text-brand-700 underline" href={`/${locale}`}>
            {t('home')}
          </a>
        </li>
      </ul>
    </div>
  );
}
