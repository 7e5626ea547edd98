import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { formatNumber } from '@/lib/format';
import { outcomeMeasures, summarize, type OutcomeMeasure, type OutcomeRow } from '@/lib/opportunities/outcomes';

// What came of the opportunities, on the staff dashboard: grouped bars per program and per employer, columns per
// month, each drawing hidden from screen readers and followed by the same numbers as a table; the full table below
// (and as CSV). Bars are told apart by colour and by their order, which the legend gives; every bar carries its value.

const colors: Record<OutcomeMeasure, string> = { announced: '#0b6b63', interested: '#1d4ed8', referred: '#9a3412', placed: '#6b21a8' };

type Series = { label: string; values: Record<OutcomeMeasure, number> };

function Legend({ names }: { names: Record<OutcomeMeasure, string> }) {
  return (
    <ul className="mb-2 flex flex-wrap gap-4 text-sm" aria-hidden="true">
      {outcomeMeasures.map((m) => (
        <li key={m} className="flex items-center gap-1">
          <svg width="14" height="14" aria-hidden="true" focusable="false">
            <rect width="14" height="14" fill={colors[m]} />
          </svg>
          {names[m]}
        </li>
      ))}
    </ul>
  );
}

function GroupedBars({ series, names }: { series: Series[]; names: Record<OutcomeMeasure, string> }) {
  const bar = 12;
  const gap = 10;
  const labelWidth = 200;
  const width = 620;
  const space = width - labelWidth - 50;
  const groupHeight = outcomeMeasures.length * bar + gap;
  const max = Math.max(1, ...series.flatMap((s) => outcomeMeasures.map((m) => s.values[m])));
  return (
    <svg aria-hidden="true" focusable="false" role="presentation" viewBox={`0 0 ${width} ${Math.max(groupHeight, series.length * groupHeight)}`} className="h-auto w-full">
      {series.map((s, i) => {
        const y0 = i * groupHeight;
        return (
          <g key={s.label}>
            <text x={labelWidth - 8} y={y0 + (outcomeMeasures.length * bar) / 2 + 4} textAnchor="end" fontSize="13" fill="#1b2430">
              {s.label.length > 28 ? `${s.label.slice(0, 27)}…` : s.label}
            </text>
            {outcomeMeasures.map((m, j) => {
              const w = Math.max(2, (s.values[m] / max) * space);
              return (
                <g key={m}>
                  <rect x={labelWidth} y={y0 + j * bar} width={w} height={bar - 2} fill={colors[m]}>
                    <title>{names[m]}</title>
                  </rect>
                  <text x={labelWidth + w + 4} y={y0 + j * bar + 9} fontSize="10" fill="#1b2430">
                    {s.values[m]}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

function SeriesTable({ caption, first, series, names, locale }: { caption: string; first: string; series: Series[]; names: Record<OutcomeMeasure, string>; locale: Locale }) {
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-1">
              {first}
            </th>
            {outcomeMeasures.map((m) => (
              <th key={m} scope="col" className="p-1 text-right">
                {names[m]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.label} className="border-b border-slate-200">
              <th scope="row" className="p-1 font-normal">
                {s.label}
              </th>
              {outcomeMeasures.map((m) => (
                <td key={m} className="p-1 text-right" data-testid={`outcome-${m}`}>
                  {formatNumber(locale, s.values[m])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export async function OutcomesSection({ locale, rows }: { locale: Locale; rows: OutcomeRow[] }) {
  const t = await getTranslations({ locale, namespace: 'StaffOutcomes' });
  const options = await getTranslations({ locale, namespace: 'Options' });
  const format = await getFormatter({ locale });
  const names = Object.fromEntries(outcomeMeasures.map((m) => [m, t(`measures.${m}`)])) as Record<OutcomeMeasure, string>;
  const month = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { month: 'short', year: 'numeric' });
  const program = (slug: string) => (options.has(`program.${slug as 'hello-valle'}`) ? options(`program.${slug as 'hello-valle'}`) : slug || t('unnamed'));
  const { groups, months } = summarize(rows);
  const values = (v: Record<OutcomeMeasure, number>) => ({ announced: v.announced, interested: v.interested, referred: v.referred, placed: v.placed });
  const byProgram: Series[] = groups.filter((g) => g.dimension === 'program').map((g) => ({ label: program(g.group), values: values(g) }));
  const byEmployer: Series[] = groups.filter((g) => g.dimension === 'employer').map((g) => ({ label: g.group || t('unnamed'), values: values(g) }));
  const overTime: Series[] = months.map((m) => ({ label: month(m.month), values: values(m) }));
  const figures: [string, string, string, Series[]][] = [
    ['outcomes-program', t('byProgram'), t('program'), byProgram],
    ['outcomes-employer', t('byEmployer'), t('employer'), byEmployer],
    ['outcomes-month', t('byMonth'), t('month'), overTime],
  ];
  return (
    <section aria-labelledby="outcomes" className="mt-10">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="outcomes" className="text-2xl font-bold">
          {t('title')}
        </h2>
        <a className="text-brand-700 underline" href={`/api/staff/opportunities/outcomes?locale=${locale}`} download>
          {t('csv')}
        </a>
      </div>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>
      {rows.length === 0 ? (
        <p className="mt-4">{t('empty')}</p>
      ) : (
        <div className="mt-4 grid gap-6 lg:grid-cols-2">
          {figures.map(([id, title, first, series]) => (
            <figure key={id} className="rounded border border-slate-200 p-4" aria-labelledby={`${id}-title`}>
              <figcaption id={`${id}-title`} className="mb-2 font-bold">
                {title}
              </figcaption>
              {series.length === 0 ? (
                <p>{t('empty')}</p>
              ) : (
                <>
                  <Legend names={names} />
                  <GroupedBars series={series} names={names} />
                  <SeriesTable caption={title} first={first} series={series} names={names} locale={locale} />
                </>
              )}
            </figure>
          ))}
        </div>
      )}
    </section>
  );
}
