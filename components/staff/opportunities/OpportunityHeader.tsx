import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import type { OpportunitySummary } from '@/lib/opportunities/matching';

export type OpportunityTab = 'matches' | 'announce' | 'pipeline';

/** The opportunity's title in the staff member's language, its state, and the work area's tabs. */
export async function OpportunityHeader({ locale, opportunity, current }: { locale: Locale; opportunity: OpportunitySummary; current: OpportunityTab }) {
  const t = await getTranslations({ locale, namespace: 'StaffOpportunity' });
  const base = `/${locale}/staff/opportunities/${opportunity.id}`;
  const title = (locale === 'en' ? opportunity.titleEn : opportunity.titleEs) || opportunity.titleEs || opportunity.titleEn || opportunity.slug;
  const tabs: [OpportunityTab, string][] = [
    ['matches', t('tabs.matches')],
    ['announce', t('tabs.announce')],
    ['pipeline', t('tabs.pipeline')],
  ];
  return (
    <div>
      <a href={`/${locale}/staff/opportunities`} className="text-brand-700 underline">
        {t('back')}
      </a>
      <h1 className="mt-4 text-3xl font-bold">{title}</h1>
      <p className="mt-1 text-slate-700">
        {t('kindState', { kind: opportunity.kind, state: opportunity.state })}
        {opportunity.employerName ? ` · ${opportunity.employerName}` : ''}
      </p>
      <nav aria-label={t('tabs.label')} className="mt-4 border-b border-slate-300">
        <ul className="flex flex-wrap gap-4">
          {tabs.map(([tab, label]) => (
            <li key={tab}>
              <a
                href={`${base}/${tab}`}
                aria-current={tab === current ? 'page' : undefined}
                className={`inline-block px-1 pb-2 ${tab === current ? 'border-b-4 border-brand-700 font-bold' : 'text-brand-700 underline'}`}
              >
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
