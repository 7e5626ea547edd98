import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';

export async function NotFoundContent({ locale, headingLevel = 'h1' }: { locale: Locale; headingLevel?: 'h1' | 'h2' }) {
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  const Heading = headingLevel;
  return (
    <div className="mx-auto max-w-3xl px-4 py-16">
      <Heading className="text-3xl font-bold">{t('title')}</Heading>
      <p className="mt-4 text-lg">{t('description')}</p>
      <ul className="mt-6 flex flex-col gap-2">
        <li>
          <a className="text-brand-700 underline" href={`/${locale}`}>
            {t('home')}
          </a>
        </li>
        <li>
          <a className="text-brand-700 underline" href={`/${locale}/programs`}>
            {t('programs')}
          </a>
        </li>
      </ul>
    </div>
  );
}
