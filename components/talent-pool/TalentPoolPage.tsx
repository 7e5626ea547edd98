import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import type { RegionalFigure } from '@/lib/facts';
import { formatNumber } from '@/lib/format';
import { siteTimeZone } from '@/lib/time-zone';
import type { TalentPool, TalentPoolTable } from '@/lib/talent-pool/pool';
import { talentPoolRows } from '@/lib/talent-pool/labels';
import { Container } from '@/components/ui/Container';
import { ContactBand, PageSection } from '@/components/ui/Section';
import { ButtonLink } from '@/components/ui/ButtonLink';
import { FigureList } from '@/components/facts/FigureList';
import { BarChart } from './BarChart';

const tables: TalentPoolTable[] = ['levels', 'municipalities', 'interests', 'programs', 'quarters'];
const regionalFigures: RegionalFigure[] = ['jobsForecast', 'bpoGrowthPercent', 'callCenterMarketRank'];
const dateLocales: Record<Locale, string> = { es: 'es-CO', en: 'en-US' };

/**
 * The talent pool for investors and employers: the agency's own sign-ups, counted and suppressed
 * (lib/talent-pool), as SVG bar charts each followed by its table, a CSV of the same figures, the region's figures
 * with year and source, and the way to get in touch. `pool` is null before the first read (the build).
 */
export async function TalentPoolPage({ locale, pool, revalidateSeconds }: { locale: Locale; pool: TalentPool | null; revalidateSeconds: number }) {
  const t = await getTranslations({ locale, namespace: 'TalentPool' });
  const rows = await talentPoolRows(locale, pool);
  const date = pool
    ? new Intl.DateTimeFormat(dateLocales[locale], { dateStyle: 'long', timeStyle: 'short', timeZone: siteTimeZone }).format(new Date(pool.generatedAt))
    : null;
  return (
    <>
      <div className="border-b border-brand-100 bg-brand-50">
        <Container className="py-10 sm:py-14">
          <h1 className="text-3xl font-bold tracking-tight text-brand-800 sm:text-5xl">{t('title')}</h1>
          <p className="mt-4 max-w-3xl text-lg text-slate-800">{t('intro')}</p>
          {date ? (
            <p className="mt-3 text-slate-700" data-testid="talent-pool-updated">
              {t('updated', { date, minutes: Math.max(1, Math.round(revalidateSeconds / 60)) })}
            </p>
          ) : null}
        </Container>
      </div>

      <Container className="py-10">
        {!pool ? (
          <p className="text-lg">{t('pending')}</p>
        ) : pool.total === null ? (
          <p className="text-lg">{t('tooFew')}</p>
        ) : (
          <>
            <dl className="inline-flex flex-col rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
              <dt className="order-2 mt-1 text-slate-800">{t('totalLabel')}</dt>
              <dd className="order-1 text-4xl font-bold text-brand-700" data-testid="talent-pool-total">
                {formatNumber(locale, pool.total)}
              </dd>
            </dl>
            <p className="mt-6">
              <a className="inline-flex min-h-11 items-center font-bold text-brand-700 underline underline-offset-4" href={`/${locale}/talent-pool/aggregates.csv`} download>
                {t('csv')}
              </a>
            </p>
            <p className="mt-2 text-sm text-slate-700">{t('withheldNote')}</p>
            <div className="mt-6 grid gap-12 lg:grid-cols-2">
              {tables.map((table) => (
                <section key={table} aria-labelledby={`pool-${table}`} data-testid={`talent-pool-${table}`}>
                  <h2 id={`pool-${table}`} className="text-2xl font-bold tracking-tight text-brand-800">
                    {t(`tables.${table}.title`)}
                  </h2>
                  <p className="mt-2 text-slate-700">{t(`tables.${table}.text`)}</p>
                  <BarChart rows={rows[table]} label={t('chartLabel', { title: t(`tables.${table}.title`) })} />
                  <table className="mt-4 w-full max-w-xl border-collapse text-left">
                    <caption className="sr-only">{t(`tables.${table}.title`)}</caption>
                    <thead>
                      <tr className="border-b-2 border-slate-300">
                        <th scope="col" className="py-2 pr-4">
                          {t('tableCategory')}
                        </th>
                        <th scope="col" className="py-2 text-right">
                          {t('tablePeople')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows[table].map((row) => (
                        <tr key={row.key} className="border-b border-slate-200" data-key={row.key}>
                          <th scope="row" className="py-2 pr-4 font-normal">
                            {row.label}
                          </th>
                          <td className="py-2 text-right tabular-nums">{row.text}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              ))}
            </div>
          </>
        )}

        <section aria-labelledby="pool-protection" className="mt-12 max-w-3xl">
          <h2 id="pool-protection" className="text-2xl font-bold tracking-tight text-brand-800">
            {t('protectionHeading')}
          </h2>
          <p className="mt-3 text-slate-800">{t('protection')}</p>
        </section>
      </Container>

      <PageSection id="pool-regional" heading={t('regionalHeading')} className="bg-slate-50 py-12">
        <p className="mt-3 max-w-3xl text-lg text-slate-700">{t('regionalText')}</p>
        <FigureList locale={locale} ids={regionalFigures} className="mt-8" />
        <p className="mt-6">
          <a className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4" href={`/${locale}/investors`}>
            {t('investorsLink')}
          </a>
        </p>
      </PageSection>

      <ContactBand id="pool-contact" heading={t('contactHeading')} text={t('contactText')}>
        <ButtonLink href={`/${locale}/join#organization-form`} variant="primary">
          {t('contactLink')}
        </ButtonLink>
      </ContactBand>
    </>
  );
}
