import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { requestContext, requireViewer, staffData } from '@/lib/staff/page';
import { organizationKinds, organizationPurposes, organizationRequestStatuses } from '@/lib/organizations/fields';
import { isOrganizationRequestStatus, listOrganizationRequests } from '@/lib/organizations/staff';
import { setOrganizationRequestStatusAction } from '@/lib/organizations/actions';
import { DataTable } from '@/components/staff/DataTable';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/organizations'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'StaffOrganizations' });
  return pageMetadata({ locale, path: '/staff/organizations', title: t('metaTitle'), noIndex: true });
}

export default async function StaffOrganizationsPage({ params, searchParams }: PageProps<'/[locale]/staff/organizations'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const viewer = await requireViewer(locale, '/staff/organizations');
  const query = await searchParams;
  const status = isOrganizationRequestStatus(query.status) ? query.status : undefined;
  const ctx = await requestContext();
  const rows = await staffData(locale, '/staff/organizations', () => listOrganizationRequests(viewer, { status }, ctx));
  const t = await getTranslations({ locale, namespace: 'StaffOrganizations' });
  const f = await getTranslations({ locale, namespace: 'OrganizationForm' });
  const format = await getFormatter({ locale });
  const notice = query.notice === 'saved' ? t('saved') : query.notice === 'notFound' ? t('notFound') : null;
  const kindLabel = (kind: string) => ((organizationKinds as readonly string[]).includes(kind) ? f(`kind.options.${kind as 'company'}`) : kind);
  const purposeLabel = (p: string) => ((organizationPurposes as readonly string[]).includes(p) ? f(`purposes.options.${p as 'hire'}`) : p);

  return (
    <div>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      {notice ? (
        <p role="status" className="mt-4 rounded bg-brand-50 px-4 py-3">
          {notice}
        </p>
      ) : null}
      <form method="get" action={`/${locale}/staff/organizations`} className="mt-6 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="org-status-filter" className="block text-sm">
            {t('filter')}
          </label>
          <select id="org-status-filter" name="status" defaultValue={status ?? ''} className="mt-1 min-h-11 rounded border border-slate-500 bg-white px-3">
            <option value="">{t('all')}</option>
            {organizationRequestStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded border border-slate-500 bg-white px-4 hover:border-brand-700">
          {t('apply')}
        </button>
      </form>
      {rows.length === 0 ? (
        <p className="mt-6">{t('empty')}</p>
      ) : (
        <DataTable caption={t('title')} columns={[t('received'), t('organization'), t('contact'), t('wants'), t('message'), t('status')]} className="mt-6">
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-200 align-top" data-request-id={r.id}>
              <td className="p-2 whitespace-nowrap">{format.dateTime(r.createdAt, 'logged')}</td>
              <td className="p-2">
                <span className="font-bold">{r.organization}</span>
                <br />
                {kindLabel(r.kind)}
              </td>
              <td className="p-2">
                {r.contactName}
                <br />
                <a className="text-brand-700 underline break-all" href={`mailto:${r.email}`}>
                  {r.email}
                </a>
                <br />
                {r.phone}
              </td>
              <td className="p-2">{r.purposes.map(purposeLabel).join(', ')}</td>
              <td className="p-2 whitespace-pre-line">{r.message || '—'}</td>
              <td className="p-2">
                <form action={setOrganizationRequestStatusAction.bind(null, locale)} className="flex flex-col gap-2">
                  <input type="hidden" name="id" value={r.id} />
                  <label htmlFor={`status-${r.id}`} className="sr-only">
                    {t('change')} ({r.organization})
                  </label>
                  <select id={`status-${r.id}`} name="status" defaultValue={r.status} className="min-h-11 rounded border border-slate-500 bg-white px-2">
                    {organizationRequestStatuses.map((s) => (
                      <option key={s} value={s}>
                        {t(`statuses.${s}`)}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className="min-h-11 rounded border border-slate-500 bg-white px-3 hover:border-brand-700">
                    {t('save')}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
