import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { interestFilters, kindFilters, matchesFilter, opportunitiesPath, type OpportunityFilter } from '@/lib/opportunities/filters';
import type { PublicOpportunity } from '@/lib/opportunities/public';
import { Container } from '@/components/ui/Container';
import { OpportunityCard } from './OpportunityCard';

const input = 'min-h-11 rounded border border-slate-500 bg-white px-3 py-2';

/**
 * The public list with its filter form: a plain GET form (no JavaScript); proxy.ts serves each combination from
 * its own prerendered page.
 */
export async function OpportunityList({ locale, opportunities, filter }: { locale: Locale; opportunities: PublicOpportunity[]; filter: OpportunityFilter }) {
  const t = await getTranslations({ locale, namespace: 'Opportunities' });
  const o = await getTranslations({ locale, namespace: 'Options' });
  const shown = opportunities.filter((opportunity) => matchesFilter(opportunity, filter));
  return (
    <>
      <div className="border-b border-brand-100 bg-brand-50">
        <Container className="py-10 sm:py-14">
          <h1 className="text-3xl font-bold tracking-tight text-brand-800 sm:text-5xl">{t('title')}</h1>
          <p className="mt-4 max-w-3xl text-lg text-slate-800">{t('intro')}</p>
        </Container>
      </div>
      <Container className="py-8">
        <form method="get" action={`/${locale}${opportunitiesPath}`} className="flex flex-wrap items-end gap-4 rounded-xl border border-slate-200 bg-white p-4">
          <div className="flex flex-col gap-1">
            <label htmlFor="filter-kind" className="font-bold">
              {t('filter.kind')}
            </label>
            <select id="filter-kind" name="kind" defaultValue={filter.kind} className={input}>
              {kindFilters.map((kind) => (
                <option key={kind} value={kind}>
                  {kind === 'all' ? t('filter.allKinds') : t(`kinds.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="filter-interest" className="font-bold">
              {t('filter.interest')}
            </label>
            <select id="filter-interest" name="interest" defaultValue={filter.interest} className={input}>
              {interestFilters.map((interest) => (
                <option key={interest} value={interest}>
                  {interest === 'all' ? t('filter.allInterests') : o(`interest.${interest}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="min-h-11 rounded-lg bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800">
            {t('filter.apply')}
          </button>
        </form>
        <p role="status" className="mt-6 font-bold">
          {t('count', { count: shown.length })}
        </p>
        {shown.length === 0 ? (
          <p className="mt-2 max-w-3xl">
            {t.rich('empty', { link: (chunks) => <a className="text-brand-700 underline" href={`/${locale}/talent`}>{chunks}</a> })}
          </p>
        ) : (
          <ul className="mt-4 grid gap-4 md:grid-cols-2">
            {shown.map((opportunity) => (
              <li key={opportunity.slug}>
                <OpportunityCard locale={locale} opportunity={opportunity} />
              </li>
            ))}
          </ul>
        )}
      </Container>
    </>
  );
}
