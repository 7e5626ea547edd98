import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { programActionHref, type Program } from '@/lib/programs/data';
import { ButtonLink } from '@/components/ui/ButtonLink';
import { ExternalLink } from '@/components/ui/ExternalLink';

/**
 * What a person can do next about a program: there is no open cohort to show yet (cohorts are published by the
 * agency later), so it says so and offers news of the next one, through the sign-up with the program ticked; and
 * the program's own page on its publisher's site. An initiative for organizations leads to /join instead.
 */
export async function ProgramNextStep({
  locale,
  program,
  compact = false,
  openCohorts = 0,
  cohortsHref = '#cohort',
}: {
  locale: Locale;
  program: Program;
  /** Published cohorts shown further down the program's page (its #cohort section); 0 on pages that do not list them. */
  openCohorts?: number;
  /** Where on the page those cohorts are listed: the program page's #cohort, or a finder card's own list. */
  cohortsHref?: string;
  /** In a card: the cohort line and the two links, smaller. */
  compact?: boolean;
}) {
  const t = await getTranslations({ locale, namespace: 'ProgramPage' });
  const name = (await getTranslations({ locale, namespace: 'Options.program' }))(program.slug);
  const publisher = (await getTranslations({ locale, namespace: 'Programs.organizations' }))(program.link.publisher);
  const foreign = program.link.lang !== locale;
  return (
    <div className={compact ? 'flex flex-col gap-2' : 'flex flex-col gap-3'}>
      {program.for === 'people' ? (
        <p className={compact ? 'text-sm text-slate-700' : 'text-slate-800'}>
          <span className="font-bold">{t('cohort.label')}</span>{' '}
          {openCohorts > 0 ? (
            <a className="underline underline-offset-4" href={cohortsHref}>
              {t('cohort.open', { count: openCohorts })}
            </a>
          ) : (
            t('cohort.none')
          )}
        </p>
      ) : null}
      <ButtonLink href={programActionHref(program, locale)} variant={compact ? 'solid' : 'primary'} className="w-full sm:w-auto">
        {program.for === 'people' ? t('cta.news', { name }) : t('cta.organization')}
      </ButtonLink>
      <ExternalLink href={program.link.url} hrefLang={foreign ? program.link.lang : undefined}>
        {t(foreign ? 'link.foreign' : 'link.local', { name, publisher })}
      </ExternalLink>
    </div>
  );
}
