import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';

// After an organization's request was stored and its acknowledgement queued (lib/organizations/submit.ts).
export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/join/sent'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'JoinSent' });
  return pageMetadata({ locale, path: '/join/sent', title: t('metaTitle'), noIndex: true });
}

export default async function JoinSentPage({ params }: PageProps<'/[locale]/join/sent'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'JoinSent' });
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4 text-lg">{t('text')}</p>
      <p className="mt-4">{t('mail')}</p>
      <ul className="mt-6 flex flex-col gap-1">
        <li>
          <a className="inline-flex min-h-11 items-center text-brand-700 underline" href={`/${locale}/programs`}>
            {t('programs')}
          </a>
        </li>
        <li>
          <a className="inline-flex min-h-11 items-center text-brand-700 underline" href={`/${locale}`}>
            {t('home')}
          </a>
        </li>
      </ul>
    </div>
  );
}
