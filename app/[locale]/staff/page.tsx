import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { formatNumber } from '@/lib/format';
import { municipalityName, outsideValle } from '@/lib/municipalities';
import { pageMetadata } from '@/lib/seo/metadata';
import { candidateStats } from '@/lib/candidates/stats';
import { filtersToQuery, type CandidateFilters } from '@/lib/candidates/filters';
import { requireViewer, staffData } from '@/lib/staff/page';
import { viewerCan } from '@/lib/staff/session';
import { requestDeadlineCounts } from '@/lib/requests/register';
import { BarChart, ColumnChart, type Datum } from '@/components/staff/Charts';
import { opportunityOutcomes } from '@/lib/opportunities/outcomes';
import { OutcomesSection } from '@/components/staff/opportunities/OutcomesSection';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'StaffDashboard' });
  return pageMetadata({ locale, path: '/staff', title: t('title'), noIndex: true });
}

export default async function StaffDashboardPage({ params }: PageProps<'/[locale]/staff'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const viewer = await requireViewer(locale, '/staff');
  const stats = await staffData(locale, '/staff', () => candidateStats(viewer));
  const outcomes = await staffData(locale, '/staff', () => opportunityOutcomes(viewer));
  // Counts only (no one named): the requests overdue and due in the next 3 business days, for those who handle them.
  const deadlines = viewerCan(viewer, 'requests:manage') ? await staffData(locale, '/staff', () => requestDeadlineCounts(viewer)) : null;
  const rq = await getTranslations({ locale, namespace: 'StaffRequests' });
  const t = await getTranslations({ locale, namespace: 'StaffDashboard' });
  const options = await getTranslations({ locale, namespace: 'Options' });
  const format = await getFormatter({ locale });
  // Week starts are calendar days: noon UTC is the same day in Colombia.
  const day = (weekStart: string) => format.dateTime(new Date(`${weekStart}T12:00:00Z`), { day: 'numeric', month: 'short' });
  const text = (title: string) => ({ title, category: t('category'), count: t('count'), empty: t('empty') });

  // Each bar opens the list filtered to the candidates it counts (the same filters count them: lib/candidates/query.ts).
  const list = (filters: CandidateFilters) => `/${locale}/staff/candidates?${filtersToQuery(filters)}`;
  const topMunicipalities = stats.byMunicipality.slice(0, 10);
  const rest = stats.byMunicipality.slice(10).reduce((sum, m) => sum + m.count, 0);
  const municipalities: Datum[] = topMunicipalities.map((m) => ({
    label: m.key === outsideValle ? options('municipalityOther') : (municipalityName(m.key) ?? m.key),
    value: m.count,
    href: list({ municipality: m.key }),
  }));
  if (rest > 0) municipalities.push({ label: t('otherMunicipalities'), value: rest });

  const totals = [
    [t('total'), stats.total, list({})],
    [t('consentInForce'), stats.consentInForce, list({ consent: 'active' })],
    [t('consentRevoked'), stats.consentRevoked, list({ consent: 'revoked' })],
    [t('pending'), stats.pending, list({ consent: 'pending' })],
    [t('last30Days'), stats.last30Days, null],
  ] as const;

  return (
    <div>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      {deadlines && (
        <section aria-labelledby="request-deadlines" className={`mt-6 rounded border p-4 ${deadlines.overdue > 0 ? 'border-red-700 bg-red-50' : 'border-slate-200'}`}>
          <h2 id="request-deadlines" className="text-xl font-bold">
            {rq('dashboardTitle')}
          </h2>
          <dl className="mt-3 grid grid-cols-2 gap-4 md:max-w-xl">
            <div>
              <dt className="text-sm text-slate-700">{rq('dashboardOverdue')}</dt>
              <dd className="text-3xl font-bold text-red-800" data-testid="requests-overdue">
                {formatNumber(locale, deadlines.overdue)}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-700">{rq('dashboardDueSoon')}</dt>
              <dd className="text-3xl font-bold text-brand-700" data-testid="requests-due-soon">
                {formatNumber(locale, deadlines.dueSoon)}
              </dd>
            </div>
          </dl>
          <p className="mt-3">
            <a className="text-brand-700 underline" href={`/${locale}/staff/requests`}>
              {rq('dashboardLink')}
            </a>
          </p>
        </section>
      )}
      <section aria-labelledby="totals" className="mt-6">
        <h2 id="totals" className="sr-only">
          {t('totals')}
        </h2>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
          {totals.map(([label, value, href]) => (
            <div key={label} className="rounded border border-slate-200 p-4">
              <dt className="text-sm text-slate-700">{label}</dt>
              <dd className="text-3xl font-bold text-brand-700">
                {href ? (
                  <a href={href} className="underline decoration-2 underline-offset-4">
                    {formatNumber(locale, value)}
                  </a>
                ) : (
                  formatNumber(locale, value)
                )}
              </dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 text-sm text-slate-700">{t('fresh', { time: format.dateTime(new Date(), { hour: 'numeric', minute: '2-digit', second: '2-digit' }) })}</p>
      </section>
      <div className="mt-8 grid gap-6">
        <ColumnChart
          id="weekly"
          text={text(t('weekly'))}
          data={stats.weekly.map((w) => ({ label: day(w.weekStart), value: w.count }))}
        />
        <div className="grid gap-6 lg:grid-cols-2">
          <BarChart
            id="english"
            text={text(t('byEnglishLevel'))}
            data={stats.byEnglishLevel.map((l) => ({
              label: options(`englishLevel.${l.key as 'B2'}.label`),
              value: l.count,
              href: list({ englishLevel: [l.key as 'B2'] }),
            }))}
          />
          <BarChart id="municipality" text={text(t('byMunicipality'))} data={municipalities} />
          <BarChart
            id="interest"
            text={text(t('byInterest'))}
            data={stats.byInterest.map((i) => ({
              label: options.has(`interest.${i.key as 'technology'}`) ? options(`interest.${i.key as 'technology'}`) : i.key,
              value: i.count,
              href: list({ interest: i.key as 'technology' }),
            }))}
          />
          <BarChart
            id="program"
            text={text(t('byProgram'))}
            data={stats.byProgram.map((p) => ({
              label: options.has(`program.${p.key as 'hello-valle'}`) ? options(`program.${p.key as 'hello-valle'}`) : p.key,
              value: p.count,
              href: list({ program: p.key as 'hello-valle' }),
            }))}
          />
        </div>
      </div>
      <OutcomesSection locale={locale} rows={outcomes} />
    </div>
  );
}
