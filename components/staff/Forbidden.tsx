import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';

export async function Forbidden({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'StaffCommon' });
  return (
    <div className="max-w-xl">
      <h1 className="text-2xl font-bold">{t('forbiddenTitle')}</h1>
      <p className="mt-3">{t('forbiddenText')}</p>
      <p className="mt-3">
        <a className="text-brand-700 underline" href={`/${locale}/staff`}>
          {t('backToDashboard')}
        </a>
      </p>
    </div>
  );
}
