import { Fragment } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import type { PublicOpportunity } from '@/lib/opportunities/public';

/**
 * A suggested program's open cohorts in the finder's answer: each one's dates, whether in person or online, and
 * place, and its own page, where enrolment is. Plain links: nothing here needs JavaScript.
 */
export async function FinderCohorts({ locale, id, programName, cohorts }: { locale: Locale; id: string; programName: string; cohorts: PublicOpportunity[] }) {
  const t = await getTranslations({ locale, namespace: 'Finder.cohorts' });
  const o = await getTranslations({ locale, namespace: 'Opportunities' });
  const format = await getFormatter({ locale });
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="border-t border-slate-200 pt-3">
      <h3 id={`${id}-heading`} className="text-lg font-bold text-brand-800">
        {t('heading', { count: cohorts.length, name: programName })}
      </h3>
      <ul className="mt-1 flex flex-col gap-3">
        {cohorts.map((cohort) => {
          const facts: [label: string, value: string][] = [];
          if (cohort.startsOn) {
            const dates = cohort.endsOn ? o('dateRange', { start: day(cohort.startsOn), end: day(cohort.endsOn) }) : o('startsOn', { date: day(cohort.startsOn) });
            facts.push([o('fields.dates'), dates]);
          }
          if (cohort.mode) facts.push([o('fields.mode'), o(`modes.${cohort.mode}`)]);
          if (cohort.place) facts.push([o('fields.place'), cohort.place]);
          return (
            <li key={cohort.slug}>
              <a href={`/${locale}/opportunities/${cohort.slug}`} className="inline-flex min-h-11 items-center font-bold text-brand-700 underline underline-offset-4 hover:text-brand-800">
                {cohort.title[locale]}
              </a>
              {facts.length > 0 ? (
                <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 text-sm text-slate-700">
                  {facts.map(([label, value]) => (
                    <Fragment key={label}>
                      <dt className="font-bold">{label}</dt>
                      <dd className="break-words">{value}</dd>
                    </Fragment>
                  ))}
                </dl>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
