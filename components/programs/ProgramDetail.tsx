import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { formatList, formatNumber } from '@/lib/format';
import { programActionHref, programs, type Program } from '@/lib/programs/data';
import { ButtonLink } from '@/components/ui/ButtonLink';
import { Container } from '@/components/ui/Container';
import { ProgramHighlights } from './ProgramHighlights';

type Row = { label: string; value: ReactNode };

function Facts({ rows }: { rows: Row[] }) {
  if (rows.length === 0) return null;
  return (
    <dl className="mt-5 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
      {rows.map((row) => (
        <div key={row.label} className="grid gap-1 px-4 py-3 sm:grid-cols-3 sm:gap-4">
          <dt className="font-bold text-slate-700">{row.label}</dt>
          <dd className="sm:col-span-2">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

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

export async function ProgramDetail({ locale, program }: { locale: Locale; program: Program }) {
  const t = await getTranslations({ locale, namespace: 'Programs' });
  const o = await getTranslations({ locale, namespace: 'Options' });
  const { slug, audience, offer } = program;
  const item = (field: 'tagline' | 'description' | 'audience' | 'offer') => t(`items.${slug}.${field}`);
  const org = (key: Program['leads'][number]) => t(`organizations.${key}`);
  const level = (l: NonNullable<Program['audience']['entryLevel']>) => o(`englishLevel.${l}.label`);

  const behind: Row[] = [];
  if (program.leads.length > 0) behind.push({ label: t('detail.leads'), value: <List items={program.leads.map(org)} /> });
  if (program.coordinator) behind.push({ label: t('detail.coordinator'), value: org(program.coordinator) });
  if (program.partOf) behind.push({ label: t('detail.partOf'), value: t('detail.compromisoValle') });
  if (program.since !== undefined) behind.push({ label: t('detail.since'), value: String(program.since) });
  if (program.sectors.length > 0) {
    behind.push({ label: t('detail.sectors'), value: formatList(locale, program.sectors.map((s) => t(`sector.${s}`))) });
  }

  const who: Row[] = [];
  if (audience.ages) who.push({ label: t('detail.ages'), value: t('detail.agesValue', audience.ages) });
  if (audience.residence) who.push({ label: t('detail.residence'), value: t(`residence.${audience.residence}`) });
  if (audience.entryLevel) who.push({ label: t('detail.entryLevel'), value: level(audience.entryLevel) });
  if (audience.groups.length > 0) {
    who.push({ label: t('detail.groups'), value: <List items={audience.groups.map((g) => t(`audienceGroup.${g}`))} /> });
  }

  const offers: Row[] = [];
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
            if (e.status === 'expected') return t('detail.editionExpected', { ...values, groups: e.groups ?? 0 });
            return e.first ? t('detail.editionHeldFirst', values) : t('detail.editionHeld', values);
          })}
        />
      ),
    });
  }
  if (offer.outcome) offers.push({ label: t('detail.outcome'), value: t(`outcome.${offer.outcome}`) });

  const others = programs.filter((p) => p.slug !== slug);

  return (
    <>
      <div className="border-b border-brand-100 bg-brand-50">
        <Container className="py-10 sm:py-14">
          <nav aria-label={t('detail.breadcrumb')}>
            <ol className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
              <li>
                <a className="underline underline-offset-4 hover:text-brand-800" href={`/${locale}`}>
                  {t('detail.home')}
                </a>
              </li>
              <li aria-hidden="true">/</li>
              <li>
                <a className="underline underline-offset-4 hover:text-brand-800" href={`/${locale}/programs`}>
                  {t('detail.allPrograms')}
                </a>
              </li>
              <li aria-hidden="true">/</li>
              <li>
                <a aria-current="page" href={`/${locale}/programs/${slug}`} className="font-bold text-brand-800">
                  {o(`program.${slug}`)}
                </a>
              </li>
            </ol>
          </nav>
          <h1 className="mt-6 text-3xl font-bold tracking-tight text-brand-800 sm:text-5xl">{o(`program.${slug}`)}</h1>
          <p className="mt-4 max-w-3xl text-lg text-slate-800 sm:text-xl">{item('tagline')}</p>
          <ProgramHighlights locale={locale} program={program} className="mt-6" />
        </Container>
      </div>

      <Container className="grid gap-10 py-10 lg:grid-cols-[minmax(0,1fr)_20rem] lg:gap-14">
        <div className="min-w-0">
          <p className="max-w-3xl text-lg leading-relaxed">{item('description')}</p>

          <Section id="behind" title={t('detail.behindHeading')}>
            <Facts rows={behind} />
            {program.nonProfit && (
              <p className="mt-3 inline-block rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-800">
                {t('detail.nonProfit')}
              </p>
            )}
          </Section>

          <Section id="audience" title={t('detail.audienceHeading')}>
            <p className="mt-3 max-w-3xl text-lg">{item('audience')}</p>
            <Facts rows={who} />
          </Section>

          <Section id="offer" title={t('detail.offerHeading')}>
            <p className="mt-3 max-w-3xl text-lg">{item('offer')}</p>
            <Facts rows={offers} />
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
        </div>

        <div className="flex flex-col gap-8 lg:sticky lg:top-6 lg:self-start">
          <section className="rounded-2xl bg-brand-800 p-6 text-white shadow-lg" aria-labelledby="act">
            <h2 id="act" className="text-xl font-bold">
              {t(`items.${slug}.action.heading`)}
            </h2>
            <p className="mt-3 text-brand-50">{t(`items.${slug}.action.text`)}</p>
            <ButtonLink href={programActionHref(program, locale)} variant="primary" className="mt-5 w-full">
              {t(`items.${slug}.action.label`)}
            </ButtonLink>
          </section>
          <nav aria-labelledby="other-programs">
            <h2 id="other-programs" className="text-lg font-bold text-brand-800">
              {t('detail.otherHeading')}
            </h2>
            <ul className="mt-3 flex flex-col gap-2">
              {others.map((p) => (
                <li key={p.slug}>
                  <a
                    className="text-brand-700 underline underline-offset-4 hover:text-brand-800"
                    href={`/${locale}/programs/${p.slug}`}
                  >
                    {o(`program.${p.slug}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </Container>
    </>
  );
}
