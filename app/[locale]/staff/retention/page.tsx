import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { listRetentionRuns } from '@/lib/retention/runs';
import { retentionRules } from '@/lib/retention/run';
import { requirePermission, staffData, staffPageTitle } from '@/lib/staff/page';
import { DataTable } from '@/components/staff/DataTable';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/retention'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'StaffRetention' });
  return pageMetadata({ locale, path: '/staff/retention', title: await staffPageTitle(locale, t('title'), 'audit:read'), noIndex: true });
}

export default async function StaffRetentionPage({ params }: PageProps<'/[locale]/staff/retention'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const viewer = await requirePermission(locale, '/staff/retention', 'audit:read');
  const result = await staffData(locale, '/staff/retention', () => listRetentionRuns(viewer));
  const t = await getTranslations({ locale, namespace: 'StaffRetention' });
  const format = await getFormatter({ locale });
  const s = result.settings;

  return (
    <div>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-3 max-w-3xl">{t('intro')}</p>
      <h2 className="mt-6 text-xl font-bold">{t('periodsTitle')}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        <li>{t('periods.revokedCandidates', { days: s.revokedDays })}</li>
        <li>{t('periods.earlierSubmissions', { months: s.submissionsMonths })}</li>
        <li>{t('periods.signInAttempts', { days: s.signInAttemptsDays })}</li>
        <li>{t('periods.staffSessions', { days: s.staffSessionsDays })}</li>
        <li>{t('periods.candidateLinks', { days: s.candidateLinksDays })}</li>
        <li>{t('periods.rateLimits', { hours: s.rateLimitHours })}</li>
      </ul>
      <h2 className="mt-6 text-xl font-bold">{t('runsTitle')}</h2>
      {result.runs.length === 0 ? (
        <p className="mt-3">{t('empty')}</p>
      ) : (
        <DataTable caption={t('tableCaption')} columns={[t('time'), ...retentionRules.map((rule) => t(`rules.${rule}`)), t('outcome')]}>
          {result.runs.map((run) => (
            <tr key={run.id} className="border-b border-slate-200 align-top">
              <td className="p-2 whitespace-nowrap">{format.dateTime(run.startedAt, 'logged')}</td>
              {retentionRules.map((rule) => (
                <td key={rule} className="p-2 tabular-nums" data-rule={rule}>
                  {run.error ? '—' : format.number(run.counts[rule] ?? 0)}
                </td>
              ))}
              <td className="p-2">{run.error ? t('failed', { error: run.error }) : t('done')}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
