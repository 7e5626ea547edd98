import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { regionalFacts } from '@/lib/facts';
import { formatNumber } from '@/lib/format';
import { Container } from '@/components/ui/Container';

function Stat({ value, label, source }: { value: string; label: string; source: string }) {
  return (
    <div className="flex flex-col rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
      <p className="text-4xl font-bold tracking-tight text-brand-700 sm:text-5xl">{value}</p>
      <p className="mt-3 flex-1 text-slate-800">{label}</p>
      <p className="mt-4 border-t border-slate-200 pt-3 text-sm text-slate-600">{source}</p>
    </div>
  );
}

export async function HomeFacts({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Home.facts' });
  const { jobsForecast, bpoGrowth, callCenterMarket, usInvestment, employers } = regionalFacts;
  const n = (value: number) => formatNumber(locale, value);
  return (
    <section aria-labelledby="facts" className="bg-slate-50 py-16 sm:py-20">
      <Container>
        <h2 id="facts" className="text-3xl font-bold tracking-tight text-brand-800">
          {t('heading')}
        </h2>
        <p className="mt-4 max-w-3xl text-lg text-slate-700">{t('intro')}</p>

        <div className="mt-10 grid gap-6 md:grid-cols-3">
          <Stat
            value={t('jobs.value', { jobs: n(jobsForecast.jobs) })}
            label={t('jobs.label', { year: String(jobsForecast.byYear) })}
            source={t('jobs.source')}
          />
          <Stat
            value={t('bpo.value', { percent: n(bpoGrowth.percent) })}
            label={t('bpo.label', { year: String(bpoGrowth.year), sales: n(bpoGrowth.foreignSalesUsdMillions) })}
            source={t('bpo.source', { year: String(bpoGrowth.year) })}
          />
          <Stat
            value={t('market.value', { rank: callCenterMarket.rank })}
            label={t('market.label')}
            source={t('market.source')}
          />
        </div>

        <div className="mt-6 grid gap-6 lg:grid-cols-5">
          <div className="rounded-2xl bg-brand-800 p-6 text-white shadow-sm sm:p-8 lg:col-span-3">
            <h3 className="text-xl font-bold sm:text-2xl">{t('investment.heading')}</h3>
            <dl className="mt-6 grid grid-cols-1 gap-6 min-[420px]:grid-cols-2">
              {[
                { value: n(usInvestment.projects), label: t('investment.projects') },
                { value: n(usInvestment.companies), label: t('investment.companies') },
                {
                  value: t('investment.amountValue', { amount: n(usInvestment.moreThanUsdMillions) }),
                  label: t('investment.amount'),
                },
                {
                  value: t('investment.jobsValue', { jobs: n(usInvestment.moreThanJobs) }),
                  label: t('investment.jobs'),
                },
              ].map((stat) => (
                <div key={stat.label} className="flex flex-col-reverse">
                  <dt className="mt-1 text-brand-50">{stat.label}</dt>
                  <dd className="text-3xl font-bold text-accent-500">{stat.value}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-6 text-brand-50">{t('investment.share')}</p>
            <p className="mt-4 border-t border-brand-600 pt-3 text-sm text-brand-100">{t('investment.source')}</p>
          </div>

          <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8 lg:col-span-2">
            <h3 className="text-xl font-bold text-brand-800 sm:text-2xl">{t('employers.heading')}</h3>
            <p className="mt-5 font-bold text-slate-800">{t('employers.california')}</p>
            <ul className="mt-2 flex flex-wrap gap-2">
              {employers.california.map((name) => (
                <li key={name} className="rounded-lg bg-brand-700 px-3 py-1.5 font-bold text-white">
                  {name}
                </li>
              ))}
            </ul>
            <p className="mt-5 font-bold text-slate-800">{t('employers.others')}</p>
            <ul className="mt-2 flex flex-wrap gap-2">
              {employers.others.map((name) => (
                <li key={name} className="rounded-lg bg-brand-50 px-3 py-1.5 font-bold text-brand-800">
                  {name}
                </li>
              ))}
            </ul>
            <p className="mt-6 border-t border-slate-200 pt-3 text-sm text-slate-600">{t('employers.source')}</p>
          </div>
        </div>
      </Container>
    </section>
  );
}
