import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getFormatter, getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { requirePermission, staffData, staffPageTitle } from '@/lib/staff/page';
import { listPartnerOptions } from '@/lib/partners/list';
import { getOpportunityForStaff } from '@/lib/opportunities/manage';
import { closeOpportunityAction, publishOpportunityAction, saveOpportunityAction } from '@/lib/opportunities/edit-actions';
import { parseOpportunity } from '@/lib/opportunities/schema';
import { StatusNotice } from '@/components/staff/DataTable';
import { OpportunityForm } from '@/components/staff/OpportunityForm';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/opportunities/[id]'>): Promise<Metadata> {
  const { locale, id } = (await params) as { locale: Locale; id: string };
  const t = await getTranslations({ locale, namespace: 'StaffOpportunities' });
  return pageMetadata({ locale, path: `/staff/opportunities/${id}`, title: await staffPageTitle(locale, t('editTitle'), 'opportunities:manage'), noIndex: true });
}

const notices = ['saved', 'published', 'closed', 'incomplete'] as const;

export default async function EditOpportunityPage({ params, searchParams }: PageProps<'/[locale]/staff/opportunities/[id]'>) {
  const { locale, id } = (await params) as { locale: Locale; id: string };
  setRequestLocale(locale);
  const path = `/staff/opportunities/${id}`;
  const viewer = await requirePermission(locale, path, 'opportunities:manage');
  const loaded = await staffData(locale, path, async () => ({ found: await getOpportunityForStaff(viewer, id), employers: await listPartnerOptions(viewer, { kind: 'employer' }) }));
  if (!loaded.found) notFound();
  const { row, values } = loaded.found;
  const { notice } = await searchParams;
  const t = await getTranslations({ locale, namespace: 'StaffOpportunities' });
  const f = await getTranslations({ locale, namespace: 'StaffOpportunityForm' });
  const work = await getTranslations({ locale, namespace: 'StaffOpportunity' });
  const format = await getFormatter({ locale });
  const messages = await getMessages({ locale });
  const noticeKey = notices.find((n) => n === notice);
  const missing = row.state === 'draft' ? parseOpportunity(values, 'publish') : null;
  const title = (locale === 'es' ? row.titleEs || row.titleEn : row.titleEn || row.titleEs) || t('untitled');
  const publicHref = `/${locale}/opportunities/${row.slug}`;
  const button = 'rounded border border-brand-700 bg-white px-4 py-2 font-bold text-brand-800 hover:bg-brand-50';
  return (
    <div>
      <p>
        <a className="text-brand-700 underline" href={`/${locale}/staff/opportunities`}>
          {t('back')}
        </a>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{title}</h1>
      {noticeKey && <StatusNotice tone={noticeKey === 'incomplete' ? 'warning' : 'success'}>{t(`notices.${noticeKey}`)}</StatusNotice>}
      <dl className="mt-4 grid max-w-3xl gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">{t('columns.kind')}</dt>
        <dd>{t(`kinds.${row.kind}`)}</dd>
        <dt className="font-bold">{t('columns.state')}</dt>
        <dd data-testid="opportunity-state">{t(`states.${row.state}`)}</dd>
        {row.publishedAt && (
          <>
            <dt className="font-bold">{t('publishedAt')}</dt>
            <dd>{format.dateTime(row.publishedAt, 'moment')}</dd>
          </>
        )}
        {row.state !== 'draft' && (
          <>
            <dt className="font-bold">{t('publicPage')}</dt>
            <dd>
              <a className="text-brand-700 underline" href={publicHref}>
                {publicHref}
              </a>
            </dd>
          </>
        )}
      </dl>

      {/* The opportunity's work area: who matches, announcing it, its pipeline (lib/opportunities/matching.ts…). */}
      <nav aria-label={work('tabs.label')} className="mt-4">
        <ul className="flex flex-wrap gap-4">
          {(['matches', 'announce', 'pipeline'] as const).map((tab) => (
            <li key={tab}>
              <a className="text-brand-700 underline" href={`/${locale}/staff/opportunities/${row.id}/${tab}`}>
                {work(`tabs.${tab}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {missing && !missing.ok && (
        <div className="mt-4 max-w-3xl rounded border border-amber-700 bg-amber-50 p-3 text-amber-950">
          <h2 className="font-bold">{t('missingHeading')}</h2>
          <ul className="mt-1 list-disc pl-5">
            {Object.entries(missing.errors).map(([name, key]) => (
              <li key={name}>
                {f(`fields.${name}` as 'fields.titleEs')}: {f(`errors.${key}`)}
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="mt-4 flex flex-wrap gap-3">
        {row.state !== 'published' && (
          <form action={publishOpportunityAction.bind(null, locale)}>
            <input type="hidden" name="id" value={row.id} />
            <button type="submit" className={button}>
              {row.state === 'closed' ? t('reopen') : t('publish')}
            </button>
          </form>
        )}
        {row.state === 'published' && (
          <form action={closeOpportunityAction.bind(null, locale)}>
            <input type="hidden" name="id" value={row.id} />
            <button type="submit" className={button}>
              {t('close')}
            </button>
          </form>
        )}
      </div>

      <h2 className="mt-8 text-xl font-bold">{t('editHeading')}</h2>
      <NextIntlClientProvider locale={locale} messages={{ StaffOpportunityForm: messages.StaffOpportunityForm, Options: messages.Options }}>
        <OpportunityForm save={saveOpportunityAction.bind(null, locale, row.id)} initial={values} published={row.state !== 'draft'} employers={loaded.employers} />
      </NextIntlClientProvider>
    </div>
  );
}
