import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { formatNumber } from '@/lib/format';
import { municipalityName, outsideValle } from '@/lib/municipalities';
import { pageMetadata } from '@/lib/seo/metadata';
import { candidateStats } from '@/lib/candidates/stats';
import { forbidden, requireViewer, staffData } from '@/lib/staff/page';
import { viewerCan } from '@/lib/staff/session';
import { requestDeadlineCounts } from '@/lib/requests/register';
import { BarChart, ColumnChart, type Datum } from '@/components/staff/Charts';
import { Forbidden } from '@/components/staff/Forbidden';

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
  if (stats === forbidden) return <Forbidden locale={locale} />;
  // Counts only (no one named): the requests overdue and due in the next 3 business days, for those who handle them.
  const deadlines = viewerCan(viewer, 'requests:manage') ? await staffData(locale, '/staff', () => requestDeadlineCounts(viewer)) : null;
  const rq = await getTranslations({ locale, namespace: 'StaffRequests' });
  const t = await getTranslations({ locale, namespace: 'StaffDashboard' });
  const options = await getTranslations({ locale, namespace: 'Options' });
  const format = await getFormatter({ locale });
  // Week starts are calendar days: noon UTC is the same day in Colombia.
  const day = (weekStart: string) => format.dateTime(new Date(`${weekStart}T12:00:00Z`), { day: 'numeric', month: 'short' });
  const text = (title: string) => ({ title, category: t('category'), count: t('count'), empty: t('empty') });

  const topMunicipalities = stats.byMunicipality.slice(0, 10);
  const rest = stats.byMunicipality.slice(10).reduce((sum, m) => sum + m.count, 0);
  const municipalities: Datum[] = topMunicipalities.map((m) => ({
    label: m.key === outsideValle ? options('municipalityOther') : (municipalityName(m.key) ?? m.key),
    value: m.count,
  }));
  if (rest > 0) municipalities.push({ label: t('otherMunicipalities'), value: rest });

  const totals = [
    [t('total'), stats.total],
    [t('consentInForce'), stats.consentInForce],
    [t('consentRevoked'), stats.consentRevoked],
    [t('pending'), stats.pending],
    [t('last30Days'), stats.last30Days],
  ] as const;

  return (
    <div>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      {deadlines && deadlines !== forbidden && (
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
          {totals.map(([label, value]) => (
            <div key={label} className="rounded border border-slate-200 p-4">
              <dt className="text-sm text-slate-700">{label}</dt>
              <dd className="text-3xl font-bold text-brand-700">{formatNumber(locale, value)}</dd>
            </div>
          ))}
        </dl>
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
            data={stats.byEnglishLevel.map((l) => ({ label: options(`englishLevel.${l.key as 'B2'}.label`), value: l.count }))}
          />
          <BarChart id="municipality" text={text(t('byMunicipality'))} data={municipalities} />
          <BarChart
            id="interest"
            text={text(t('byInterest'))}
            data={stats.byInterest.map((i) => ({ label: options.has(`interest.${i.key as 'technology'}`) ? options(`interest.${i.key as 'technology'}`) : i.key, value: i.count }))}
          />
          <BarChart
            id="program"
            text={text(t('byProgram'))}
            data={stats.byProgram.map((p) => ({ label: options.has(`program.${p.key as 'hello-valle'}`) ? options(`program.${p.key as 'hello-valle'}`) : p.key, value: p.count }))}
          />
        </div>
      </div>
    </div>
  );
}
