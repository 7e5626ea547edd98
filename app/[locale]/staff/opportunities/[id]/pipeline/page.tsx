import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { formatNumber } from '@/lib/format';
import { pageMetadata } from '@/lib/seo/metadata';
import { opportunitySummary } from '@/lib/opportunities/matching';
import { opportunityPipeline } from '@/lib/opportunities/pipeline';
import { pipelineNoteMax, pipelineStatuses, type PipelineStatus } from '@/lib/opportunities/pipeline-schema';
import { changePipelineAction } from '@/lib/opportunities/actions';
import { requestContext, requireViewer, staffData } from '@/lib/staff/page';
import { viewerCan } from '@/lib/staff/session';
import { DataTable, StatusNotice } from '@/components/staff/DataTable';
import { Pagination } from '@/components/staff/Pagination';
import { OpportunityHeader } from '@/components/staff/opportunities/OpportunityHeader';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/opportunities/[id]/pipeline'>): Promise<Metadata> {
  const { locale, id } = (await params) as { locale: Locale; id: string };
  const t = await getTranslations({ locale, namespace: 'StaffPipeline' });
  return pageMetadata({ locale, path: `/staff/opportunities/${id}/pipeline`, title: t('title'), noIndex: true });
}

const isStatus = (value: unknown): value is PipelineStatus => typeof value === 'string' && (pipelineStatuses as readonly string[]).includes(value);

export default async function OpportunityPipelinePage({ params, searchParams }: PageProps<'/[locale]/staff/opportunities/[id]/pipeline'>) {
  const { locale, id } = (await params) as { locale: Locale; id: string };
  setRequestLocale(locale);
  const path = `/staff/opportunities/${id}/pipeline`;
  const viewer = await requireViewer(locale, path);
  const query = await searchParams;
  const status = isStatus(query.status) ? query.status : null;
  const page = Number(typeof query.page === 'string' ? query.page : '1') || 1;
  const context = await requestContext();
  const loaded = await staffData(locale, path, async () => {
    const pipeline = await opportunityPipeline(viewer, id, { status, page, ipAddress: context.ipAddress });
    const opportunity = await opportunitySummary(id);
    return pipeline && opportunity ? { pipeline, opportunity } : null;
  });
  const t = await getTranslations({ locale, namespace: 'StaffPipeline' });
  const statusLabel = await getTranslations({ locale, namespace: 'PipelineStatus' });
  if (!loaded) return <h1 className="text-2xl font-bold">{t('notFound')}</h1>;
  const { pipeline, opportunity } = loaded;
  const format = await getFormatter({ locale });
  const when = (date: Date) => format.dateTime(date, 'moment');
  const label = (s: PipelineStatus) => statusLabel(s, { kind: opportunity.kind });
  const notice = typeof query.notice === 'string' ? query.notice : null;
  const noticeKeys = ['changed', 'notFound', 'consentNotInForce', 'noteTooLong', 'status', 'forbidden'] as const;
  const shownNotice = noticeKeys.find((k) => k === notice);
  const canChange = viewerCan(viewer, 'opportunities:announce');
  const pageCount = Math.max(1, Math.ceil(pipeline.total / pipeline.pageSize));
  const href = (p: number) => `/${locale}${path}?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) })}`;
  return (
    <div>
      <OpportunityHeader locale={locale} opportunity={opportunity} current="pipeline" />
      {shownNotice && <StatusNotice tone={shownNotice === 'changed' ? 'success' : 'warning'}>{t(`notices.${shownNotice}`)}</StatusNotice>}
      <h2 className="mt-6 text-xl font-bold">{t('title')}</h2>
      <dl className="mt-3 grid grid-cols-2 gap-3 md:grid-cols-4">
        {pipelineStatuses.map((s) => (
          <div key={s} className="rounded border border-slate-200 p-3">
            <dt className="text-sm text-slate-700">{label(s)}</dt>
            <dd className="text-2xl font-bold text-brand-700" data-testid={`pipeline-count-${s}`}>
              {formatNumber(locale, pipeline.counts[s] ?? 0)}
            </dd>
          </div>
        ))}
      </dl>
      <form method="get" action={`/${locale}${path}`} className="mt-6 flex flex-wrap items-end gap-3">
        <div className="flex flex-col">
          <label htmlFor="pipeline-status-filter">{t('filter')}</label>
          <select id="pipeline-status-filter" name="status" defaultValue={status ?? ''} className="rounded border border-slate-400 px-2 py-1">
            <option value="">{t('allStatuses')}</option>
            {pipelineStatuses.map((s) => (
              <option key={s} value={s}>
                {label(s)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-brand-700 px-4 py-1 text-brand-700 hover:bg-brand-50">
          {t('apply')}
        </button>
      </form>
      {pipeline.rows.length === 0 ? (
        <p className="mt-6">{t('empty')}</p>
      ) : (
        <>
          <DataTable caption={t('caption')} columns={[t('name'), t('status'), t('mail'), t('interestedAt'), t('lastNote'), ...(canChange ? [t('change')] : [])]}>
            {pipeline.rows.map((row, index) => (
              <tr key={row.candidateId} className="border-b border-slate-200 align-top">
                <td className="p-2">
                  <a className="text-brand-700 underline" href={`/${locale}/staff/candidates/${row.candidateId}`}>
                    {row.fullName}
                  </a>
                  <br />
                  <span className="text-slate-700">{row.email}</span>
                </td>
                <td className="p-2" data-testid="pipeline-status">
                  {label(row.status)}
                  <br />
                  <span className="text-xs text-slate-700">{when(row.updatedAt)}</span>
                </td>
                <td className="p-2">{row.mailStatus ? t(`mailStatus.${row.mailStatus}`) : '—'}</td>
                <td className="p-2">{row.interestedAt ? when(row.interestedAt) : '—'}</td>
                <td className="max-w-xs p-2 break-words whitespace-pre-line">{row.lastNote ?? '—'}</td>
                {canChange && (
                  <td className="p-2">
                    <form action={changePipelineAction.bind(null, locale)} className="flex flex-col gap-1">
                      <input type="hidden" name="opportunityId" value={opportunity.id} />
                      <input type="hidden" name="candidateId" value={row.candidateId} />
                      {status && <input type="hidden" name="return-status" value={status} />}
                      <input type="hidden" name="return-page" value={String(pipeline.page)} />
                      <label htmlFor={`status-${index}`} className="text-sm">
                        {t('newStatus', { name: row.fullName })}
                      </label>
                      <select id={`status-${index}`} name="status" defaultValue={row.status} className="rounded border border-slate-400 px-2 py-1">
                        {pipelineStatuses.map((s) => (
                          <option key={s} value={s}>
                            {label(s)}
                          </option>
                        ))}
                      </select>
                      <label htmlFor={`note-${index}`} className="text-sm">
                        {t('note', { name: row.fullName })}
                      </label>
                      <textarea id={`note-${index}`} name="note" rows={2} maxLength={pipelineNoteMax} className="rounded border border-slate-400 px-2 py-1" />
                      <button type="submit" className="mt-1 rounded bg-brand-700 px-3 py-1 font-bold text-white hover:bg-brand-800">
                        {t('save')}
                      </button>
                    </form>
                  </td>
                )}
              </tr>
            ))}
          </DataTable>
          <p className="mt-2 text-sm">{t('noteVisible')}</p>
          <Pagination locale={locale} page={pipeline.page} pageCount={pageCount} href={href} />
        </>
      )}
    </div>
  );
}
