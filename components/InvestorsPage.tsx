import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { employers, type RegionalFigure } from '@/lib/facts';
import { agency } from '@/lib/site';
import { ButtonLink } from '@/components/ui/ButtonLink';
import { Container } from '@/components/ui/Container';
import { ContentReviewed } from '@/components/facts/ContentReviewed';
import { FigureList, SourceLine } from '@/components/facts/FigureList';

const sectorFigures: RegionalFigure[] = ['jobsForecast', 'bpoGrowthPercent', 'bpoForeignSalesUsdMillions', 'callCenterMarketRank'];
const investmentFigures: RegionalFigure[] = ['usProjects', 'usCompanies', 'usInvestmentUsdMillions', 'usJobs', 'usSharePercent'];

/**
 * For investors and employers: the region's figures, dated and sourced, and who to talk to. Each part is its own
 * <section> in `sections` order, the first pointing to the live talent pool (the agency's own sign-ups, aggregated).
 */
export async function InvestorsPage({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Investors' });
  const sections = [
    <section key="pool" aria-labelledby="pool" className="border-b border-slate-200 py-12">
      <Container className="flex flex-col gap-4 md:flex-row md:items-center md:justify-between">
        <div className="max-w-2xl">
          <h2 id="pool" className="text-3xl font-bold tracking-tight text-brand-800">
            {t('poolHeading')}
          </h2>
          <p className="mt-3 text-lg text-slate-700">{t('poolText')}</p>
        </div>
        <ButtonLink href={`/${locale}/talent-pool`} variant="solid">
          {t('poolLink')}
        </ButtonLink>
      </Container>
    </section>,
    <section key="sector" aria-labelledby="sector" className="py-12">
      <Container>
        <h2 id="sector" className="text-3xl font-bold tracking-tight text-brand-800">
          {t('sectorHeading')}
        </h2>
        <p className="mt-3 max-w-3xl text-lg text-slate-700">{t('sectorIntro')}</p>
        <FigureList locale={locale} ids={sectorFigures} className="mt-8" />
      </Container>
    </section>,
    <section key="investment" aria-labelledby="investment" className="bg-slate-50 py-12">
      <Container>
        <h2 id="investment" className="text-3xl font-bold tracking-tight text-brand-800">
          {t('investmentHeading')}
        </h2>
        <FigureList locale={locale} ids={investmentFigures} className="mt-8" />
      </Container>
    </section>,
    <section key="employers" aria-labelledby="employers" className="py-12">
      <Container>
        <h2 id="employers" className="text-3xl font-bold tracking-tight text-brand-800">
          {t('employersHeading')}
        </h2>
        <h3 className="mt-6 font-bold text-slate-800">{t('employersCalifornia')}</h3>
        <ul className="mt-2 flex flex-wrap gap-2">
          {employers.california.map((name) => (
            <li key={name} className="rounded-lg bg-brand-700 px-3 py-1.5 font-bold text-white">
              {name}
            </li>
          ))}
        </ul>
        <h3 className="mt-6 font-bold text-slate-800">{t('employersOthers')}</h3>
        <ul className="mt-2 flex flex-wrap gap-2">
          {employers.others.map((name) => (
            <li key={name} className="rounded-lg bg-brand-50 px-3 py-1.5 font-bold text-brand-800">
              {name}
            </li>
          ))}
        </ul>
        <SourceLine locale={locale} source={employers.source} className="mt-4" />
      </Container>
    </section>,
    <section key="contact" aria-labelledby="contact" className="bg-brand-800 py-12 text-white">
      <Container className="flex flex-col gap-5 md:flex-row md:items-center md:justify-between">
        <div className="max-w-2xl">
          <h2 id="contact" className="text-3xl font-bold tracking-tight">
            {t('contactHeading')}
          </h2>
          <p className="mt-3 text-lg text-brand-50">{t('contactText')}</p>
        </div>
        <div className="flex flex-col gap-3">
          <ButtonLink href={`mailto:${agency.email}?subject=${encodeURIComponent(t('mailSubject'))}`} variant="primary">
            {t('contactMail')}
          </ButtonLink>
          <ButtonLink href={`/${locale}/join`} variant="inverse">
            {t('contactJoin')}
          </ButtonLink>
        </div>
      </Container>
    </section>,
  ];
  return (
    <>
      <div className="border-b border-brand-100 bg-brand-50">
        <Container className="py-10 sm:py-14">
          <h1 className="text-3xl font-bold tracking-tight text-brand-800 sm:text-5xl">{t('title')}</h1>
          <p className="mt-4 max-w-3xl text-lg text-slate-800">{t('intro')}</p>
          <ContentReviewed locale={locale} className="mt-4" />
        </Container>
      </div>
      {sections}
    </>
  );
}
