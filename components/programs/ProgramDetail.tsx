import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { formatList, formatNumber } from '@/lib/format';
import { isPastProjection } from '@/lib/facts';
import { programActionHref, programs, type Program } from '@/lib/programs/data';
import { ButtonLink } from '@/components/ui/ButtonLink';
import { Container } from '@/components/ui/Container';
import { DetailList, type DetailRow } from '@/components/ui/DetailList';
import { ContentReviewed } from '@/components/facts/ContentReviewed';
import { SourceLine } from '@/components/facts/FigureList';
import { ProgramHighlights } from './ProgramHighlights';
import { ProgramNextStep } from './ProgramNextStep';
import type { PublicOpportunity } from '@/lib/opportunities/public';
import { OpportunityCard } from '@/components/opportunities/OpportunityCard';

function List({ items }: { items: string[] }) {
  return (
    <ul className="flex flex-col gap-1">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-12">
      <h2 id={id} className="text-2xl font-bold text-brand-800">
        {title}
      </h2>
      {children}
    </section>
  );
}

export async function ProgramDetail({ locale, program, cohorts = [] }: { locale: Locale; program: Program; cohorts?: PublicOpportunity[] }) {
  const t = await getTranslations({ locale, namespace: 'Programs' });
  const o = await getTranslations({ locale, namespace: 'Options' });
  const p = await getTranslations({ locale, namespace: 'ProgramPage' });
  const { slug, audience, offer } = program;
  const name = o(`program.${slug}`);
  const past = (year: number, kind: 'target' | 'forecast' = 'target') => (isPastProjection({ kind, year }) ? 'yes' : 'no');
  const item = (field: 'tagline' | 'description' | 'audience' | 'offer') => t(`items.${slug}.${field}`);
  const org = (key: Program['leads'][number]) => t(`organizations.${key}`);
  const level = (l: NonNullable<Program['audience']['entryLevel']>) => o(`englishLevel.${l}.label`);

  const behind: DetailRow[] = [];
  if (program.leads.length > 0) behind.push({ label: t('detail.leads'), value: <List items={program.leads.map(org)} /> });
  if (program.coordinator) behind.push({ label: t('detail.coordinator'), value: org(program.coordinator) });
  if (program.partOf) behind.push({ label: t('detail.partOf'), value: t('detail.compromisoValle') });
  if (program.since !== undefined) behind.push({ label: t('detail.since'), value: String(program.since) });
  if (program.sectors.length > 0) {
    behind.push({ label: t('detail.sectors'), value: formatList(locale, program.sectors.map((s) => t(`sector.${s}`))) });
  }

  const who: DetailRow[] = [];
  if (audience.ages) who.push({ label: t('detail.ages'), value: t('detail.agesValue', audience.ages) });
  if (audience.residence) who.push({ label: t('detail.residence'), value: t(`residence.${audience.residence}`) });
  if (audience.entryLevel) who.push({ label: t('detail.entryLevel'), value: level(audience.entryLevel) });
  if (audience.groups.length > 0) {
    who.push({ label: t('detail.groups'), value: <List items={audience.groups.map((g) => t(`audienceGroup.${g}`))} /> });
  }

  const offers: DetailRow[] = [];
  if (offer.cost) offers.push({ label: t('detail.cost'), value: t(`cost.${offer.cost}`) });
  if (offer.durationMonths !== undefined) {
    offers.push({ label: t('detail.duration'), value: t('detail.durationValue', { months: offer.durationMonths }) });
  }
  if (offer.levels) {
    offers.push({ label: t('detail.levels'), value: t('detail.levelsValue', offer.levels) });
  }
  if (offer.beneficiaries) {
    offers.push({
      label: t('detail.beneficiaries'),
      value: t('detail.beneficiariesValue', {
        people: formatNumber(locale, offer.beneficiaries.people),
        year: String(offer.beneficiaries.by),
        past: past(offer.beneficiaries.by),
      }),
    });
  }
  if (program.editions.length > 0) {
    offers.push({
      label: t('detail.editions'),
      value: (
        <List
          items={program.editions.map((e) => {
            const values = { year: String(e.year), people: formatNumber(locale, e.people) };
            if (e.status === 'expected') return t('detail.editionExpected', { ...values, groups: e.groups ?? 0, past: past(e.year) });
            return e.first ? t('detail.editionHeldFirst', values) : t('detail.editionHeld', values);
          })}
        />
      ),
    });
  }
  if (offer.outcome) offers.push({ label: t('detail.outcome'), value: t(`outcome.${offer.outcome}`) });

  const others = programs.filter((other) => other.slug !== slug);
  const cost = program.for === 'organizations' ? 'organizations' : (offer.cost ?? 'unpublished');

  return (
    <>
      <div className="border-b border-brand-100 bg-brand-50">
        <Container className="py-6 sm:py-12">
          <nav aria-label={t('detail.breadcrumb')}>
            <ol className="flex flex-wrap items-center gap-x-2 text-sm text-slate-700">
              <li>
                <a className="inline-flex min-h-11 min-w-11 items-center underline underline-offset-4 hover:text-brand-800" href={`/${locale}`}>
                  {t('detail.home')}
                </a>
              </li>
              <li aria-hidden="true">/</li>
              <li>
                <a className="inline-flex min-h-11 min-w-11 items-center underline underline-offset-4 hover:text-brand-800" href={`/${locale}/programs`}>
                  {t('detail.allPrograms')}
                </a>
              </li>
              <li aria-hidden="true">/</li>
              <li>
                <a aria-current="page" href={`/${locale}/programs/${slug}`} className="inline-flex min-h-11 items-center font-bold text-brand-800">
                  {name}
                </a>
              </li>
            </ol>
          </nav>
          <p className="mt-2 inline-block rounded-full bg-white px-3 py-1 text-sm font-bold text-brand-800 ring-1 ring-inset ring-brand-100">
            {p(`for.${program.for}`)}
          </p>
          <h1 className="mt-3 text-3xl font-bold tracking-tight text-brand-800 sm:text-5xl">{name}</h1>
          <p className="mt-3 max-w-3xl text-lg text-slate-800 sm:text-xl">{item('tagline')}</p>
          <section aria-labelledby="act" className="mt-5 max-w-3xl rounded-2xl border border-brand-100 bg-white p-5 shadow-sm">
            <h2 id="act" className="text-lg font-bold text-brand-800">
              {t(`items.${slug}.action.heading`)}
            </h2>
            <p className="mt-2 text-slate-700">{t(`items.${slug}.action.text`)}</p>
            <div className="mt-3">
              <ProgramNextStep locale={locale} program={program} openCohorts={cohorts.length} />
            </div>
          </section>
        </Container>
      </div>

      <Container className="grid gap-10 py-10 lg:grid-cols-[minmax(0,1fr)_18rem] lg:gap-14">
        <div className="min-w-0">
          <p className="max-w-3xl text-lg leading-relaxed">{item('description')}</p>
          <ProgramHighlights locale={locale} program={program} className="mt-5" />

          <Section id="audience" title={t('detail.audienceHeading')}>
            <p className="mt-3 max-w-3xl text-lg">{item('audience')}</p>
            <DetailList className="mt-5" rows={who} />
          </Section>

          <Section id="cost" title={p('costHeading')}>
            <p className="mt-3 max-w-3xl text-lg">{p(`costExplained.${cost}`, { name })}</p>
          </Section>

          <Section id="offer" title={t('detail.offerHeading')}>
            <p className="mt-3 max-w-3xl text-lg">{item('offer')}</p>
            <DetailList className="mt-5" rows={offers} />
            {offers.length > 0 ? <SourceLine locale={locale} source={program.source} className="mt-3" /> : null}
          </Section>

          {program.for === 'people' || cohorts.length > 0 ? (
            <Section id="cohort" title={cohorts.length > 0 ? p('cohortsHeading', { count: cohorts.length }) : p('cohortHeading')}>
              {cohorts.length > 0 ? (
                <ul className="mt-4 flex flex-col gap-4" data-testid="program-cohorts">
                  {cohorts.map((cohort) => (
                    <li key={cohort.slug}>
                      <OpportunityCard locale={locale} opportunity={cohort} headingLevel={3} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-3 max-w-3xl text-lg">{p('cohortText', { name })}</p>
              )}
              <ButtonLink href={programActionHref(program, locale)} variant="outline" className="mt-4">
                {p('cta.news', { name })}
              </ButtonLink>
            </Section>
          ) : null}

          <Section id="behind" title={t('detail.behindHeading')}>
            <DetailList className="mt-5" rows={behind} />
            {program.nonProfit && (
              <p className="mt-3 inline-block rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-800">
                {t('detail.nonProfit')}
              </p>
            )}
          </Section>

          {program.components.length > 0 && (
            <Section id="components" title={t('detail.componentsHeading')}>
              <ol className="mt-5 flex flex-col gap-4">
                {program.components.map((c, index) => (
                  <li key={c} className="flex gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
                    <span
                      aria-hidden="true"
                      className="flex size-9 shrink-0 items-center justify-center rounded-full bg-brand-700 font-bold text-white"
                    >
                      {index + 1}
                    </span>
                    <div>
                      <h3 className="text-lg font-bold text-brand-800">{t(`component.${c}.title`)}</h3>
                      <p className="mt-2 text-slate-700">{t(`component.${c}.description`)}</p>
                      {c === 'data-platform' && program.testSources.length > 0 && (
                        <p className="mt-3 text-sm text-slate-700">
                          {t('detail.testSources', {
                            tests: formatList(locale, program.testSources.map((s) => t(`testSource.${s}`))),
                          })}
                        </p>
                      )}
                    </div>
                  </li>
                ))}
              </ol>
            </Section>
          )}
          <ContentReviewed locale={locale} className="mt-12" />
        </div>

        <nav aria-labelledby="other-programs" className="lg:sticky lg:top-24 lg:self-start">
          <h2 id="other-programs" className="text-lg font-bold text-brand-800">
            {t('detail.otherHeading')}
          </h2>
          <ul className="mt-3 flex flex-col">
            {others.map((other) => (
              <li key={other.slug}>
                <a
                  className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4 hover:text-brand-800"
                  href={`/${locale}/programs/${other.slug}`}
                >
                  {o(`program.${other.slug}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </Container>

      {/* On a phone the action stays in reach: stuck to the bottom of the screen while the page scrolls, and
          back in its place at the end of the content (so it never covers the footer). */}
      <div className="sticky bottom-0 z-30 border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-2px_8px_rgba(0,0,0,0.08)] md:hidden">
        <ButtonLink href={programActionHref(program, locale)} className="w-full">
          {program.for === 'people' ? p('cta.news', { name }) : p('cta.organization')}
        </ButtonLink>
      </div>
    </>
  );
}
