import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import type { RequestRow } from '@/lib/requests/register';
import { DataTable } from '@/components/staff/DataTable';

/** A calendar day (YYYY-MM-DD) as a Date the formatter writes as that same day in Colombia. */
export function dayDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

const deadlineStyle = { overdue: 'bg-red-100 text-red-900 border-red-700', dueSoon: 'bg-amber-50 text-amber-950 border-amber-700', onTime: 'border-slate-400' } as const;

/** Requests as a table: number (linked), candidate, type, channel, received, due (with how it stands), status. */
export async function RequestTable({ locale, rows, caption }: { locale: Locale; rows: RequestRow[]; caption: string }) {
  const t = await getTranslations({ locale, namespace: 'StaffRequests' });
  const r = await getTranslations({ locale, namespace: 'Requests' });
  const format = await getFormatter({ locale });
  return (
    <DataTable caption={caption} columns={[t('reference'), t('candidate'), t('type'), t('channel'), t('received'), t('due'), t('status')]}>
      {rows.map((row) => (
        <tr key={row.id} className="border-b border-slate-200">
          <td className="p-2">
            <a className="text-brand-700 underline" href={`/${locale}/staff/requests/${row.id}`}>
              {row.reference}
            </a>
          </td>
          <td className="p-2">{row.candidateName ?? t('deleted')}</td>
          <td className="p-2">
            {r(`kindShort.${row.kind}`)} · {r(`subject.${row.subject}`)}
          </td>
          <td className="p-2">
            {r(`channel.${row.channel as 'email'}`)}
            {row.selfService && <span className="block text-xs text-slate-700">{t('selfService')}</span>}
          </td>
          <td className="p-2 whitespace-nowrap">{format.dateTime(row.receivedAt, 'moment')}</td>
          <td className="p-2">
            {format.dateTime(dayDate(row.due), 'dueDay')}
            {row.deadline && (
              <span className={`mt-1 block w-fit rounded border px-1 text-xs font-bold ${deadlineStyle[row.deadline]}`}>{r(`deadline.${row.deadline}`)}</span>
            )}
          </td>
          <td className="p-2">{r(`status.${row.status}`)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
