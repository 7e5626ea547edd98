import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/interest/done'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'Interest' });
  return pageMetadata({ locale, path: '/interest/done', title: t('doneTitle'), noIndex: true });
}

export default async function InterestDonePage({ params }: PageProps<'/[locale]/interest/done'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Interest' });
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t('doneTitle')}</h1>
      <p className="mt-4 text-lg">{t('doneBody')}</p>
      <p className="mt-6">
        <a className="text-brand-700 underline" href={`/${locale}/my-data`}>
          {t('myData')}
        </a>
      </p>
    </div>
  );
}
