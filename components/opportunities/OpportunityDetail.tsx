import type { ReactNode } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import type { PublicOpportunity } from '@/lib/opportunities/public';
import { courseJsonLd, jobPostingJsonLd, serializeJsonLd } from '@/lib/opportunities/jsonld';
import { municipalityLabel } from '@/lib/municipalities';
import { programBySlug } from '@/lib/programs/data';
import { isProgramSlug } from '@/lib/programs/slugs';
import { localizedUrl } from '@/lib/seo/metadata';
import { ButtonLink } from '@/components/ui/ButtonLink';
import { Container } from '@/components/ui/Container';
import { ExternalLink } from '@/components/ui/ExternalLink';
import { DetailList, type DetailRow } from '@/components/ui/DetailList';

/** An opportunity's public page, with its schema.org data; a closed one says so and offers what is still open. */
export async function OpportunityDetail({ locale, opportunity }: { locale: Locale; opportunity: PublicOpportunity }) {
  const t = await getTranslations({ locale, namespace: 'Opportunities' });
  const o = await getTranslations({ locale, namespace: 'Options' });
  const programs = await getTranslations({ locale, namespace: 'Programs' });
  const format = await getFormatter({ locale });
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  const money = (value: number) => format.number(value, { style: 'currency', currency: opportunity.salaryCurrency, maximumFractionDigits: 0 });
  const url = localizedUrl(locale, `/opportunities/${opportunity.slug}`);
  const program = opportunity.program && isProgramSlug(opportunity.program) ? programBySlug(opportunity.program) : null;
  const programName = program ? o(`program.${program.slug}`) : null;
  const closed = opportunity.state === 'closed';

  const rows: DetailRow[] = [];
  const add = (label: string, value: ReactNode | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') rows.push({ label, value });
  };
  if (opportunity.kind === 'cohort') {
    add(t('fields.program'), program && programName ? <a className="text-brand-700 underline" href={`/${locale}/programs/${program.slug}`}>{programName}</a> : null);
    add(t('fields.dates'), opportunity.startsOn ? (opportunity.endsOn ? t('dateRange', { start: day(opportunity.startsOn), end: day(opportunity.endsOn) }) : day(opportunity.startsOn)) : null);
    add(t('fields.schedule'), opportunity.schedule?.[locale]);
    add(t('fields.mode'), opportunity.mode ? t(`modes.${opportunity.mode}`) : null);
    add(t('fields.place'), opportunity.place);
    add(t('fields.cost'), opportunity.costTerms?.[locale] ? <span className="whitespace-pre-line">{opportunity.costTerms[locale]}</span> : null);
    add(t('fields.seats'), opportunity.seats !== null ? format.number(opportunity.seats) : null);
  } else {
    add(t('fields.employer'), opportunity.employerName);
    const places = opportunity.municipalities.map((c) => municipalityLabel(c) ?? c);
    if (opportunity.remote) places.push(t('remote'));
    add(t('fields.where'), places.length ? format.list(places, { type: 'conjunction' }) : null);
    add(t('fields.employmentType'), opportunity.employmentType ? t(`employmentTypes.${opportunity.employmentType}`) : null);
    if (opportunity.salaryMin !== null || opportunity.salaryMax !== null) {
      add(
        t('fields.salary'),
        opportunity.salaryMin !== null && opportunity.salaryMax !== null
          ? t('salaryRange', { min: money(opportunity.salaryMin), max: money(opportunity.salaryMax) })
          : opportunity.salaryMin !== null
            ? t('salaryFrom', { min: money(opportunity.salaryMin) })
            : t('salaryUpTo', { max: money(opportunity.salaryMax!) }),
      );
    }
    add(t('fields.closesOn'), opportunity.closesOn ? day(opportunity.closesOn) : null);
  }
  add(t('fields.level'), opportunity.minEnglishLevel ? o(`englishLevel.${opportunity.minEnglishLevel}.label`) : null);
  add(t('fields.interests'), opportunity.interests.length ? format.list(opportunity.interests.map((i) => o(`interest.${i as 'technology'}`)), { type: 'conjunction' }) : null);
  add(
    t('fields.ages'),
    opportunity.minAge !== null && opportunity.maxAge !== null
      ? t('ageRange', { min: opportunity.minAge, max: opportunity.maxAge })
      : opportunity.minAge !== null
        ? t('ageFrom', { min: opportunity.minAge })
        : opportunity.maxAge !== null
          ? t('ageUpTo', { max: opportunity.maxAge })
          : null,
  );

  const jsonLd =
    opportunity.kind === 'job'
      ? jobPostingJsonLd(opportunity, locale, { url, employerName: opportunity.employerName ?? '' })
      : courseJsonLd(opportunity, locale, {
          url,
          providerName: program?.leads[0] ? programs(`organizations.${program.leads[0]}`) : t('agency'),
        });

  return (
    <>
      {/* Data for search engines, not a script: browsers never run it, so the page's CSP hashes leave it out. */}
      {!closed && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />}
      <div className="border-b border-brand-100 bg-brand-50">
        <Container className="py-8 sm:py-12">
          <p>
            <a className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4" href={`/${locale}/opportunities`}>
              {t('allOpportunities')}
            </a>
          </p>
          <p className="mt-2 inline-block rounded-full bg-white px-3 py-1 text-sm font-bold text-brand-800 ring-1 ring-inset ring-brand-100">
            {t(`kinds.${opportunity.kind}`)}
          </p>
          <h1 className="mt-3 text-3xl font-bold tracking-tight text-brand-800 sm:text-5xl">{opportunity.title[locale]}</h1>
          {closed && (
            <p className="mt-4 max-w-3xl rounded-lg border-2 border-amber-700 bg-amber-50 p-4 font-bold text-amber-950" data-testid="opportunity-closed">
              {t(`closed.${opportunity.kind}`)}
            </p>
          )}
        </Container>
      </div>
      <Container className="py-10">
        <p className="max-w-3xl whitespace-pre-line text-lg leading-relaxed">{opportunity.description[locale]}</p>
        <DetailList className="mt-6 max-w-3xl" rows={rows} />
        <section aria-labelledby="next-step" className="mt-8 max-w-3xl rounded-2xl border border-brand-100 bg-white p-5 shadow-sm">
          <h2 id="next-step" className="text-xl font-bold text-brand-800">
            {closed ? t('next.closedHeading') : t(`next.${opportunity.kind}Heading`)}
          </h2>
          {closed ? (
            <p className="mt-2">{t('next.closedText')}</p>
          ) : opportunity.kind === 'cohort' ? (
            <>
              {opportunity.howToEnrol?.[locale] && <p className="mt-2 whitespace-pre-line">{opportunity.howToEnrol[locale]}</p>}
              {opportunity.enrolmentUrl && (
                <p className="mt-2">
                  <ExternalLink href={opportunity.enrolmentUrl}>{t('next.enrol', { name: programName ?? opportunity.title[locale] })}</ExternalLink>
                </p>
              )}
            </>
          ) : (
            <p className="mt-2">{t('next.jobText')}</p>
          )}
          <div className="mt-4 flex flex-wrap gap-3">
            <ButtonLink href={program ? `/${locale}/talent?program=${program.slug}` : `/${locale}/talent`} variant={closed ? 'solid' : 'outline'}>
              {t('next.signUp')}
            </ButtonLink>
            {closed && (
              <ButtonLink href={`/${locale}/opportunities`} variant="outline">
                {t('next.seeOpen')}
              </ButtonLink>
            )}
          </div>
        </section>
      </Container>
    </>
  );
}
