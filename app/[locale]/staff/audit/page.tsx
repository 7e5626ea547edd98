import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { listAuditEvents } from '@/lib/audit/query';
import { auditActions, type AuditAction } from '@/lib/audit/record';
import { parsePage } from '@/lib/candidates/filters';
import { forbidden, requireViewer, staffData } from '@/lib/staff/page';
import { Forbidden } from '@/components/staff/Forbidden';
import { Pagination } from '@/components/staff/Pagination';
import { DataTable } from '@/components/staff/DataTable';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/audit'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'StaffAudit' });
  return pageMetadata({ locale, path: '/staff/audit', title: t('title'), noIndex: true });
}

export default async function StaffAuditPage({ params, searchParams }: PageProps<'/[locale]/staff/audit'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const viewer = await requireViewer(locale, '/staff/audit');
  const page = parsePage((await searchParams).page);
  const result = await staffData(locale, '/staff/audit', () => listAuditEvents(viewer, page));
  if (result === forbidden) return <Forbidden locale={locale} />;
  const t = await getTranslations({ locale, namespace: 'StaffAudit' });
  const format = await getFormatter({ locale });
  // In groups: next-intl's key type gives up on a union of more than about 22 template keys.
  type Registers = Extract<AuditAction, `request${string}` | `incident${string}`>;
  const label = (action: string) => {
    if (!(auditActions as readonly string[]).includes(action)) return action;
    if (action.startsWith('staff.')) return t(`actions.${action as Extract<AuditAction, `staff.${string}`>}`);
    if (action.startsWith('request') || action.startsWith('incident')) return t(`actions.${action as Registers}`);
    return t(`actions.${action as Exclude<AuditAction, `staff.${string}` | Registers>}`);
  };

  return (
    <div>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      {result.rows.length === 0 ? (
        <p className="mt-6">{t('empty')}</p>
      ) : (
        <DataTable caption={t('tableCaption')} columns={[t('time'), t('actor'), t('action'), t('details'), t('ipAddress')]} className="mt-6">
          {result.rows.map((e) => (
            <tr key={e.id} className="border-b border-slate-200 align-top">
              <td className="p-2 whitespace-nowrap">{format.dateTime(e.createdAt, 'logged')}</td>
              <td className="p-2">{e.actorEmail ?? t('system')}</td>
              <td className="p-2" data-action={e.action}>
                {label(e.action)}
              </td>
              <td className="p-2">
                <code className="font-mono text-xs break-all">{JSON.stringify(e.details)}</code>
              </td>
              <td className="p-2">{e.ipAddress ?? '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination locale={locale} page={result.page} pageCount={result.pageCount} href={(p) => `/${locale}/staff/audit?page=${p}`} />
    </div>
  );
}
