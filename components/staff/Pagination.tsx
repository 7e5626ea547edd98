import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';

/** Previous/next links; `href(page)` keeps the filters. */
export async function Pagination({ locale, page, pageCount, href }: { locale: Locale; page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations({ locale, namespace: 'StaffCommon' });
  return (
    <nav aria-label={t('pagination')} className="mt-4 flex items-center gap-4">
      {page > 1 && (
        <a className="text-brand-700 underline" href={href(page - 1)} rel="prev">
          {t('previous')}
        </a>
      )}
      <span>{t('pageOf', { page, pageCount })}</span>
      {page < pageCount && (
        <a className="text-brand-700 underline" href={href(page + 1)} rel="next">
          {t('next')}
        </a>
      )}
    </nav>
  );
}
