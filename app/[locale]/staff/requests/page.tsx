import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { listRequests } from '@/lib/requests/register';
import { requestContext, requireViewer, staffData, staffPageTitle } from '@/lib/staff/page';
import { RequestTable } from '@/components/requests/RequestTable';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/requests'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'StaffRequests' });
  return pageMetadata({ locale, path: '/staff/requests', title: await staffPageTitle(locale, t('title'), 'requests:manage'), noIndex: true });
}

export default async function StaffRequestsPage({ params, searchParams }: PageProps<'/[locale]/staff/requests'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const viewer = await requireViewer(locale, '/staff/requests');
  const view = (await searchParams).view === 'closed' ? 'closed' : 'open';
  const context = await requestContext();
  const register = await staffData(locale, '/staff/requests', () => listRequests(viewer, view, context));
  const t = await getTranslations({ locale, namespace: 'StaffRequests' });

  return (
    <div>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-3 max-w-3xl">{t('intro')}</p>
      <p className="mt-2 max-w-3xl text-sm text-slate-700">{t('recordHint')}</p>

      <section aria-labelledby="overdue" className="mt-6">
        <h2 id="overdue" className="text-xl font-bold">
          {t('overdueTitle')} ({register.overdue.length})
        </h2>
        {register.overdue.length === 0 ? <p className="mt-2">{t('nothingOverdue')}</p> : <RequestTable locale={locale} rows={register.overdue} caption={t('overdueCaption')} />}
      </section>

      <section aria-labelledby="due-soon" className="mt-6">
        <h2 id="due-soon" className="text-xl font-bold">
          {t('dueSoonTitle')} ({register.dueSoon.length})
        </h2>
        {register.dueSoon.length === 0 ? <p className="mt-2">{t('nothingDueSoon')}</p> : <RequestTable locale={locale} rows={register.dueSoon} caption={t('dueSoonCaption')} />}
      </section>

      <section aria-labelledby="all" className="mt-8">
        <h2 id="all" className="text-xl font-bold">
          {view === 'open' ? t('openTitle') : t('closedTitle')}
        </h2>
        <nav aria-label={t('viewsLabel')} className="mt-2">
          <ul className="flex gap-4 text-sm">
            {(['open', 'closed'] as const).map((v) => (
              <li key={v}>
                <a
                  href={v === 'open' ? `/${locale}/staff/requests` : `/${locale}/staff/requests?view=closed`}
                  aria-current={v === view ? 'page' : undefined}
                  className={v === view ? 'font-bold' : 'text-brand-700 underline'}
                >
                  {v === 'open' ? t('showOpen') : t('showClosed')}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {register.rows.length === 0 ? (
          <p className="mt-3">{t('empty')}</p>
        ) : (
          <RequestTable locale={locale} rows={register.rows} caption={view === 'open' ? t('openCaption') : t('closedCaption')} />
        )}
      </section>
    </div>
  );
}
