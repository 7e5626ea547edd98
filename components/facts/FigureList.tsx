import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { isPastProjection, regionalFigures, sources, type RegionalFigure, type SourceId } from '@/lib/facts';
import { formatNumber } from '@/lib/format';
import { ExternalLink } from '@/components/ui/ExternalLink';

/** "Source: Invest Pacific, 2022", linked to the text when it is online (or to the text that quotes it). */
export async function SourceLine({ locale, source, className = '' }: { locale: Locale; source: SourceId; className?: string }) {
  const t = await getTranslations({ locale, namespace: 'Facts' });
  const { published, url, citedIn } = sources[source];
  const link = url ?? (citedIn ? sources[citedIn].url : undefined);
  const name = citedIn
    ? t('citedIn', { source: t(`sources.${source}`), citedIn: t(`sources.${citedIn}`) })
    : t(`sources.${source}`);
  return (
    <p className={`text-sm text-slate-700 ${className}`}>
      {t('sourceLabel')}{' '}
      {link ? (
        <ExternalLink href={link} hrefLang="en" className="text-brand-700 underline underline-offset-4">
          {t('sourceWithYear', { source: name, year: String(published) })}
        </ExternalLink>
      ) : (
        t('sourceWithYear', { source: name, year: String(published) })
      )}
    </p>
  );
}

/**
 * Regional figures as a description list: each figure's sentence (a forecast whose year has gone by is told as
 * history) and its value, then its year and source.
 */
export async function FigureList({ locale, ids, className = '' }: { locale: Locale; ids: readonly RegionalFigure[]; className?: string }) {
  const t = await getTranslations({ locale, namespace: 'Facts' });
  return (
    <dl className={`grid gap-6 md:grid-cols-2 lg:grid-cols-3 ${className}`}>
      {ids.map((id) => {
        const figure = regionalFigures[id];
        const values = {
          value: formatNumber(locale, figure.value),
          year: String(figure.year),
          past: isPastProjection(figure) ? 'yes' : 'no',
        };
        return (
          <div key={id} className="flex flex-col rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
            <dt className="order-2 mt-3 flex-1 text-slate-800">{t(`figures.${id}.label`, values)}</dt>
            <dd className="order-1 text-4xl font-bold tracking-tight text-brand-700">{t(`figures.${id}.value`, values)}</dd>
            <dd className="order-3 mt-4 border-t border-slate-200 pt-3">
              <SourceLine locale={locale} source={figure.source} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
