import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { listAuditEvents } from '@/lib/audit/query';
import { auditActions, type AuditAction } from '@/lib/audit/record';
import { parsePage } from '@/lib/candidates/filters';
import { requirePermission, staffData, staffPageTitle } from '@/lib/staff/page';
import { Pagination } from '@/components/staff/Pagination';
import { DataTable } from '@/components/staff/DataTable';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/audit'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'StaffAudit' });
  return pageMetadata({ locale, path: '/staff/audit', title: await staffPageTitle(locale, t('title'), 'audit:read'), noIndex: true });
}

export default async function StaffAuditPage({ params, searchParams }: PageProps<'/[locale]/staff/audit'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const viewer = await requirePermission(locale, '/staff/audit', 'audit:read');
  const page = parsePage((await searchParams).page);
  const result = await staffData(locale, '/staff/audit', () => listAuditEvents(viewer, page));
  const t = await getTranslations({ locale, namespace: 'StaffAudit' });
  const format = await getFormatter({ locale });
  // In two groups: next-intl's key type gives up on a union of more than about 22 template keys.
  const label = (action: string) => {
    if (!(auditActions as readonly string[]).includes(action)) return action;
    return action.startsWith('staff.')
      ? t(`actions.${action as Extract<AuditAction, `staff.${string}`>}`)
      : t(`actions.${action as Exclude<AuditAction, `staff.${string}`>}`);
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
