import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { formatNumber } from '@/lib/format';
import { pageMetadata } from '@/lib/seo/metadata';
import { announcementProgress } from '@/lib/opportunities/announce';
import { countMatches, opportunitySummary } from '@/lib/opportunities/matching';
import { announceAction } from '@/lib/opportunities/actions';
import { requireViewer, staffData } from '@/lib/staff/page';
import { viewerCan } from '@/lib/staff/session';
import { StatusNotice } from '@/components/staff/DataTable';
import { OpportunityHeader } from '@/components/staff/opportunities/OpportunityHeader';
import { ProgressRefresher } from '@/components/staff/opportunities/ProgressRefresher';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/opportunities/[id]/announce'>): Promise<Metadata> {
  const { locale, id } = (await params) as { locale: Locale; id: string };
  const t = await getTranslations({ locale, namespace: 'StaffAnnounce' });
  return pageMetadata({ locale, path: `/staff/opportunities/${id}/announce`, title: t('title'), noIndex: true });
}

// Counts only, no one named: this page can refresh itself while the mails go out without reading personal data.
export default async function OpportunityAnnouncePage({ params, searchParams }: PageProps<'/[locale]/staff/opportunities/[id]/announce'>) {
  const { locale, id } = (await params) as { locale: Locale; id: string };
  setRequestLocale(locale);
  const path = `/staff/opportunities/${id}/announce`;
  const viewer = await requireViewer(locale, path);
  const query = await searchParams;
  const loaded = await staffData(locale, path, async () => {
    const progress = await announcementProgress(viewer, id);
    const opportunity = await opportunitySummary(id);
    return opportunity && progress ? { opportunity, progress, counts: await countMatches(opportunity, opportunity.id) } : null;
  });
  const t = await getTranslations({ locale, namespace: 'StaffAnnounce' });
  if (!loaded) return <h1 className="text-2xl font-bold">{t('notFound')}</h1>;
  const { opportunity, progress, counts } = loaded;
  const n = (value: number) => formatNumber(locale, value);
  const notice = typeof query.notice === 'string' ? query.notice : null;
  const queuedNow = Number(typeof query.queued === 'string' ? query.queued : '0') || 0;
  const notices: Record<string, { text: string; tone: 'success' | 'warning' }> = {
    announced: { text: t('notices.announced', { count: queuedNow }), tone: 'success' },
    confirm: { text: t('notices.confirm'), tone: 'warning' },
    notPublished: { text: t('notices.notPublished'), tone: 'warning' },
    notFound: { text: t('notFound'), tone: 'warning' },
    forbidden: { text: t('notices.forbidden'), tone: 'warning' },
  };
  const shown = notice ? notices[notice] : undefined;
  const stats: [string, string, number][] = [
    ['total', t('progress.total'), progress.total],
    ['queued', t('progress.queued'), progress.queued],
    ['sent', t('progress.sent'), progress.sent],
    ['failed', t('progress.failed'), progress.failed],
    ['notSent', t('progress.notSent'), progress.notSent],
    ['interested', t('progress.interested'), progress.interested],
  ];
  const canAnnounce = viewerCan(viewer, 'opportunities:announce');
  return (
    <div>
      <OpportunityHeader locale={locale} opportunity={opportunity} current="announce" />
      {shown && <StatusNotice tone={shown.tone}>{shown.text}</StatusNotice>}

      <section aria-labelledby="announce-heading" className="mt-6 max-w-3xl">
        <h2 id="announce-heading" className="text-xl font-bold">
          {t('title')}
        </h2>
        <p className="mt-2">{t('matching', { total: counts.total, toAnnounce: counts.toAnnounce })}</p>
        {opportunity.state !== 'published' ? (
          <p className="mt-4">{t('onlyPublished')}</p>
        ) : !canAnnounce ? (
          <p className="mt-4">{t('notices.forbidden')}</p>
        ) : counts.toAnnounce === 0 ? (
          <p className="mt-4">{t('nobodyNew')}</p>
        ) : (
          <form action={announceAction.bind(null, locale, opportunity.id)} className="mt-4 rounded border border-slate-300 p-4">
            <p>{t('explain')}</p>
            <label className="mt-3 flex items-center gap-2">
              <input type="checkbox" name="confirm" value="yes" required />
              {t('confirm', { count: counts.toAnnounce })}
            </label>
            <button type="submit" className="mt-3 rounded bg-brand-700 px-4 py-2 font-bold text-white hover:bg-brand-800">
              {t('submit', { count: counts.toAnnounce })}
            </button>
          </form>
        )}
      </section>

      <section aria-labelledby="progress-heading" className="mt-8">
        <h2 id="progress-heading" className="text-xl font-bold">
          {t('progress.title')}
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-6" aria-live="polite">
          {stats.map(([key, label, value]) => (
            <div key={key} className="rounded border border-slate-200 p-4">
              <dt className="text-sm text-slate-700">{label}</dt>
              <dd className="text-3xl font-bold text-brand-700" data-testid={`progress-${key}`}>
                {n(value)}
              </dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-sm">{t('progress.help')}</p>
        <p className="mt-2">
          <a className="text-brand-700 underline" href={`/${locale}${path}`}>
            {t('progress.refresh')}
          </a>
          {' · '}
          <a className="text-brand-700 underline" href={`/${locale}/staff/opportunities/${id}/pipeline`}>
            {t('progress.pipeline')}
          </a>
        </p>
        <ProgressRefresher active={progress.queued > 0} />
      </section>
    </div>
  );
}
