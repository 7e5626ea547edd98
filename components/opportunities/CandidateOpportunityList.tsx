import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import type { CandidateOpportunity } from '@/lib/opportunities/pipeline';

/**
 * A candidate's opportunities with each status change (who, when, note): on their staff page (`staff`, with links to
 * the opportunity's pipeline) and on their own My data page (`candidate`, with links to the public page).
 */
export async function CandidateOpportunityList({ locale, items, audience, headingId }: { locale: Locale; items: CandidateOpportunity[]; audience: 'staff' | 'candidate'; headingId: string }) {
  const t = await getTranslations({ locale, namespace: 'CandidateOpportunities' });
  const statusLabel = await getTranslations({ locale, namespace: 'PipelineStatus' });
  const format = await getFormatter({ locale });
  const when = (date: Date) => format.dateTime(date, 'moment');
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId} className="text-xl font-bold">
        {t('title')}
      </h2>
      {items.length === 0 ? (
        <p className="mt-3">{audience === 'staff' ? t('noneStaff') : t('noneCandidate')}</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-4">
          {items.map((item) => {
            const title = (locale === 'en' ? item.titleEn : item.titleEs) || item.slug;
            const href = audience === 'staff' ? `/${locale}/staff/opportunities/${item.opportunityId}/pipeline` : `/${locale}/opportunities/${item.slug}`;
            return (
              <li key={item.opportunityId} className="rounded border border-slate-200 p-4">
                <p className="font-bold">
                  <a className="text-brand-700 underline" href={href}>
                    {title}
                  </a>
                </p>
                <p className="mt-1 text-sm">
                  {t('summary', { kind: item.kind, status: statusLabel(item.status, { kind: item.kind }) })}
                  {item.announcedAt ? ` · ${t('announcedAt', { date: when(item.announcedAt) })}` : ''}
                  {item.interestedAt ? ` · ${t('interestedAt', { date: when(item.interestedAt) })}` : ''}
                </p>
                {item.history.length > 0 && (
                  <ol className="mt-2 flex flex-col gap-1 text-sm">
                    {item.history.map((event, index) => (
                      <li key={index}>
                        {when(event.at)} · {statusLabel(event.status, { kind: item.kind })} ·{' '}
                        {event.byCandidate ? (audience === 'staff' ? t('byCandidate') : t('byYou')) : t('byStaff', { name: event.by ?? '—' })}
                        {event.note ? <span className="block pl-4 whitespace-pre-line text-slate-700">{event.note}</span> : null}
                      </li>
                    ))}
                  </ol>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
