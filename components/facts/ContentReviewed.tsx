import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { contentReviewedOn } from '@/lib/facts';

/** "Content last reviewed on …": every page with figures says when they were checked against their sources. */
export async function ContentReviewed({ locale, className = '' }: { locale: Locale; className?: string }) {
  const t = await getTranslations({ locale, namespace: 'Facts' });
  const format = await getFormatter({ locale });
  // Noon in Bogotá: the date reads the same in every time zone.
  const date = format.dateTime(new Date(`${contentReviewedOn}T12:00:00-05:00`), { dateStyle: 'long' });
  return (
    <p className={`text-sm text-slate-700 ${className}`}>
      {t('reviewed')} <time dateTime={contentReviewedOn}>{date}</time>
    </p>
  );
}
