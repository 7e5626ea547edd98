'use client';

import { useTranslations } from 'next-intl';

export default function StaffError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('StaffError');
  return (
    <div role="alert" className="mx-auto max-w-xl py-10">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-3">{t('text')}</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">
        {t('retry')}
      </button>
    </div>
  );
}
