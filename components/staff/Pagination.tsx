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

/** Keyset pages: first, previous and next, each a link that keeps the filters, sort and columns; no page numbers. */
export async function KeysetPagination(props: { locale: Locale; first: string | null; previous: string | null; next: string | null }) {
  if (!props.previous && !props.next) return null;
  const t = await getTranslations({ locale: props.locale, namespace: 'StaffCommon' });
  return (
    <nav aria-label={t('pagination')} className="mt-4 flex items-center gap-4">
      {props.first && (
        <a className="text-brand-700 underline" href={props.first}>
          {t('first')}
        </a>
      )}
      {props.previous && (
        <a className="text-brand-700 underline" href={props.previous} rel="prev">
          {t('previous')}
        </a>
      )}
      {props.next && (
        <a className="text-brand-700 underline" href={props.next} rel="next">
          {t('next')}
        </a>
      )}
    </nav>
  );
}
