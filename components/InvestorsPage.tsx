import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { employers, type RegionalFigure } from '@/lib/facts';
import { agency } from '@/lib/site';
import { ButtonLink } from '@/components/ui/ButtonLink';
import { Container } from '@/components/ui/Container';
import { ContactBand, PageSection, SectionHeading } from '@/components/ui/Section';
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
          <SectionHeading id="pool">{t('poolHeading')}</SectionHeading>
          <p className="mt-3 text-lg text-slate-700">{t('poolText')}</p>
        </div>
        <ButtonLink href={`/${locale}/talent-pool`} variant="solid">
          {t('poolLink')}
        </ButtonLink>
      </Container>
    </section>,
    <PageSection key="sector" id="sector" heading={t('sectorHeading')} className="py-12">
      <p className="mt-3 max-w-3xl text-lg text-slate-700">{t('sectorIntro')}</p>
      <FigureList locale={locale} ids={sectorFigures} className="mt-8" />
    </PageSection>,
    <PageSection key="investment" id="investment" heading={t('investmentHeading')} className="bg-slate-50 py-12">
      <FigureList locale={locale} ids={investmentFigures} className="mt-8" />
    </PageSection>,
    <PageSection key="employers" id="employers" heading={t('employersHeading')} className="py-12">
      <Employers heading={t('employersCalifornia')} names={employers.california} tone="bg-brand-700 text-white" />
      <Employers heading={t('employersOthers')} names={employers.others} tone="bg-brand-50 text-brand-800" />
      <SourceLine locale={locale} source={employers.source} className="mt-4" />
    </PageSection>,
    <ContactBand key="contact" id="contact" heading={t('contactHeading')} text={t('contactText')}>
      <div className="flex flex-col gap-3">
        <ButtonLink href={`mailto:${agency.email}?subject=${encodeURIComponent(t('mailSubject'))}`} variant="primary">
          {t('contactMail')}
        </ButtonLink>
        <ButtonLink href={`/${locale}/join`} variant="inverse">
          {t('contactJoin')}
        </ButtonLink>
      </div>
    </ContactBand>,
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

/** Employers by where they come from, as chips (`tone`: their colours). */
function Employers({ heading, names, tone }: { heading: string; names: readonly string[]; tone: string }) {
  return (
    <>
      <h3 className="mt-6 font-bold text-slate-800">{heading}</h3>
      <ul className="mt-2 flex flex-wrap gap-2">
        {names.map((name) => (
          <li key={name} className={`rounded-lg px-3 py-1.5 font-bold ${tone}`}>
            {name}
          </li>
        ))}
      </ul>
    </>
  );
}
