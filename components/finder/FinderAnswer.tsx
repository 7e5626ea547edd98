import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import type { FinderAnswer as Answer } from '@/lib/finder/answers';
import type { PublicOpportunity } from '@/lib/opportunities/public';
import { recommend, type Suggestion } from '@/lib/finder/recommend';
import { programBySlug } from '@/lib/programs/data';
import { ButtonLink } from '@/components/ui/ButtonLink';
import { Container } from '@/components/ui/Container';
import { ProgramHighlights } from '@/components/programs/ProgramHighlights';
import { ProgramNextStep } from '@/components/programs/ProgramNextStep';
import type { CohortsByProgram } from '@/lib/finder/cohorts';
import { FinderCohorts } from './FinderCohorts';
import { FinderForm } from './FinderForm';

/**
 * The finder's answer: the programs that fit, each with its open cohorts (`cohorts`, read when the page is made) and
 * its next step, then the questions again to change them.
 */
export async function FinderAnswer({ locale, answer, cohorts = {} }: { locale: Locale; answer?: Answer; cohorts?: CohortsByProgram }) {
  const t = await getTranslations({ locale, namespace: 'Finder' });
  const levels = await getTranslations({ locale, namespace: 'Options.englishLevel' });
  const result = answer ? recommend(answer) : undefined;
  const summary =
    answer && answer.goal !== 'organization'
      ? [
          answer.level === 'unsure' ? t('form.levelUnsure') : levels(`${answer.level}.label`),
          t(`ageBands.${answer.age}`),
          t(`form.goals.${answer.goal}`),
          t(`form.payOptions.${answer.pay}`),
        ]
      : answer
        ? [t('form.goals.organization')]
        : [];
  return (
    <>
      <div className="border-b border-brand-100 bg-brand-50">
        <Container className="py-8 sm:py-12">
          <h1 className="text-3xl font-bold tracking-tight text-brand-800 sm:text-4xl">
            {!answer ? t('answer.incompleteTitle') : answer.goal === 'organization' ? t('answer.organizationTitle') : t('answer.title')}
          </h1>
          {answer ? (
            <p className="mt-3 text-lg text-slate-800">
              {t('answer.yourAnswers')} <span className="font-bold">{summary.join(' · ')}</span>{' '}
              <a href="#change" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
                {t('answer.change')}
              </a>
            </p>
          ) : (
            <p className="mt-3 text-lg text-slate-800">{t('answer.incomplete')}</p>
          )}
        </Container>
      </div>
      {result ? (
        <Container className="py-8">
          {result.suggestions.length > 0 ? (
            <ol className="grid gap-6 lg:grid-cols-2">
              {result.suggestions.map((s) => (
                <li key={s.kind === 'program' ? s.slug : 'sign-up'}>
                  <SuggestionCard locale={locale} suggestion={s} cohorts={s.kind === 'program' ? (cohorts[s.slug] ?? []) : []} />
                </li>
              ))}
            </ol>
          ) : null}
          {result.notes.length > 0 ? (
            <ul className="mt-8 flex flex-col gap-3">
              {result.notes.map((note) => (
                <li key={note} className="rounded-lg border-l-4 border-brand-700 bg-slate-50 px-4 py-3 text-slate-800">
                  {t(`notes.${note}`)}
                </li>
              ))}
            </ul>
          ) : null}
          {result.notes.includes('nothing-fits') ? (
            <ButtonLink href={`/${locale}/talent`} className="mt-6">
              {t('answer.signUpAnyway')}
            </ButtonLink>
          ) : null}
          <p className="mt-8">
            <a href={`/${locale}/programs`} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
              {t('answer.allPrograms')}
            </a>
          </p>
        </Container>
      ) : null}
      <section aria-labelledby="change" className="border-t border-slate-200 bg-slate-50">
        <Container className="py-8">
          <h2 id="change" className="mb-4 text-2xl font-bold text-brand-800">
            {answer ? t('answer.changeHeading') : t('heading')}
          </h2>
          <FinderForm locale={locale} answer={answer} idPrefix="change" />
        </Container>
      </section>
    </>
  );
}

async function SuggestionCard({ locale, suggestion, cohorts }: { locale: Locale; suggestion: Suggestion; cohorts: PublicOpportunity[] }) {
  const t = await getTranslations({ locale, namespace: 'Finder' });
  if (suggestion.kind === 'sign-up') {
    return (
      <article className="flex h-full flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="text-xl font-bold text-brand-800">{t('signUp.title')}</h2>
        <p className="text-slate-800">{t(`why.${suggestion.why}`)}</p>
        <ButtonLink href={`/${locale}/talent`}>{t('signUp.cta')}</ButtonLink>
      </article>
    );
  }
  const program = programBySlug(suggestion.slug);
  const name = (await getTranslations({ locale, namespace: 'Options.program' }))(program.slug);
  // One list per card, so each needs its own anchor for the "see its dates below" link.
  const cohortsId = `cohorts-${program.slug}`;
  return (
    <article className="flex h-full flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 className="text-xl font-bold text-brand-800">
        <a href={`/${locale}/programs/${program.slug}`} className="underline-offset-4 hover:underline">
          {name}
        </a>
      </h2>
      <p className="text-slate-800">{t(`why.${suggestion.why}`)}</p>
      <ProgramHighlights locale={locale} program={program} />
      <ProgramNextStep locale={locale} program={program} compact openCohorts={cohorts.length} cohortsHref={`#${cohortsId}`} />
      {cohorts.length > 0 ? <FinderCohorts locale={locale} id={cohortsId} programName={name} cohorts={cohorts} /> : null}
    </article>
  );
}
