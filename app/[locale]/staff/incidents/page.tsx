import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { listIncidents } from '@/lib/incidents/register';
import { recordIncidentAction, updateIncidentAction } from '@/lib/incidents/actions';
import { incidentErrorKeys, incidentStatuses } from '@/lib/incidents/schema';
import { datetimeLocalValue } from '@/lib/requests/schema';
import { requestContext, requireViewer, staffData, staffPageTitle } from '@/lib/staff/page';
import { DataTable, StatusNotice } from '@/components/staff/DataTable';
import { IncidentForm } from '@/components/requests/IncidentForm';
import { dayDate } from '@/components/requests/RequestTable';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/incidents'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'StaffIncidents' });
  return pageMetadata({ locale, path: '/staff/incidents', title: await staffPageTitle(locale, t('title'), 'incidents:manage'), noIndex: true });
}

const doneKeys = ['recorded', 'updated', 'updateRefused'] as const;

export default async function StaffIncidentsPage({ params, searchParams }: PageProps<'/[locale]/staff/incidents'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const viewer = await requireViewer(locale, '/staff/incidents');
  const context = await requestContext();
  const incidents = await staffData(locale, '/staff/incidents', () => listIncidents(viewer, context));
  const query = await searchParams;
  const done = doneKeys.find((k) => k === query.done);
  const t = await getTranslations({ locale, namespace: 'StaffIncidents' });
  const format = await getFormatter({ locale });
  const moment = (date: Date) => format.dateTime(date, 'moment');

  return (
    <div>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-3 max-w-3xl">{t('intro')}</p>
      {done && <StatusNotice tone={done === 'updateRefused' ? 'warning' : 'success'}>{t(`done.${done}`)}</StatusNotice>}

      <section aria-labelledby="incident-list" className="mt-6">
        <h2 id="incident-list" className="text-xl font-bold">
          {t('listTitle')}
        </h2>
        {incidents.length === 0 ? (
          <p className="mt-2">{t('empty')}</p>
        ) : (
          <DataTable caption={t('tableCaption')} columns={[t('summary'), t('detectedAt'), t('personalData'), t('sicDue'), t('reportedAt'), t('status')]}>
            {incidents.map((i) => (
              <tr key={i.id} className="border-b border-slate-200 align-top">
                <td className="max-w-md p-2 whitespace-pre-line">
                  {i.summary}
                  <span className="mt-1 block text-xs text-slate-700">{t('recordedBy', { name: i.recordedByName })}</span>
                </td>
                <td className="p-2 whitespace-nowrap">{moment(i.detectedAt)}</td>
                <td className="p-2">{i.personalDataAffected ? t('yes') : t('no')}</td>
                <td className="p-2">
                  {format.dateTime(dayDate(i.sicDue), 'dueDay')}
                  {i.reportOverdue && <strong className="mt-1 block w-fit rounded border border-red-700 bg-red-100 px-1 text-xs text-red-900">{t('overdue')}</strong>}
                </td>
                <td className="p-2">{i.reportedToSicAt ? moment(i.reportedToSicAt) : t('notReported')}</td>
                <td className="p-2">
                  <form action={updateIncidentAction.bind(null, locale, i.id)} className="flex flex-col gap-2">
                    <label htmlFor={`status-${i.id}`} className="sr-only">
                      {t('status')}
                    </label>
                    <select id={`status-${i.id}`} name="status" defaultValue={i.status} className="rounded border border-slate-500 px-2 py-1">
                      {incidentStatuses.map((s) => (
                        <option key={s} value={s}>
                          {t(`statuses.${s}`)}
                        </option>
                      ))}
                    </select>
                    <label htmlFor={`reported-${i.id}`} className="text-xs">
                      {t('reportedAtLabel')}
                    </label>
                    <input
                      id={`reported-${i.id}`}
                      name="reportedToSicAt"
                      type="datetime-local"
                      defaultValue={i.reportedToSicAt ? datetimeLocalValue(i.reportedToSicAt) : ''}
                      className="rounded border border-slate-500 px-2 py-1"
                    />
                    <button type="submit" className="w-fit rounded border border-slate-500 px-2 py-1 hover:border-brand-700">
                      {t('save')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="incident-new" className="mt-8">
        <h2 id="incident-new" className="text-xl font-bold">
          {t('recordTitle')}
        </h2>
        <IncidentForm
          action={recordIncidentAction.bind(null, locale)}
          now={datetimeLocalValue(new Date())}
          text={{
            summary: t('summaryLabel'),
            detectedAt: t('detectedAt'),
            detectedAtHint: t('detectedAtHint'),
            personalData: t('personalDataLabel'),
            submit: t('submit'),
            errorSummary: t('errorSummary'),
            errorPrefix: t('errorPrefix'),
            unavailable: t('unavailable'),
            errors: Object.fromEntries(incidentErrorKeys.map((k) => [k, t(`errors.${k}`)])),
          }}
        />
      </section>
    </div>
  );
}
