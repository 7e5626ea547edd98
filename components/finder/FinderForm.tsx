import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import {
  finderFields,
  finderGoals,
  finderLevels,
  finderPath,
  maximumAge,
  minimumAge,
  payOptions,
  type FinderAnswer,
} from '@/lib/finder/answers';

const choiceClass = 'flex min-h-11 items-center gap-3 rounded-lg border border-slate-300 bg-white px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50';

/**
 * The finder's four questions: a plain GET form (no client JavaScript), answered by a prerendered page per answer
 * (lib/finder/answers.ts). Level and age are not marked required, because an organization answers neither; a
 * person who skips one gets the form back asking for every answer.
 */
export async function FinderForm({ locale, answer, idPrefix = 'finder' }: { locale: Locale; answer?: FinderAnswer; idPrefix?: string }) {
  const t = await getTranslations({ locale, namespace: 'Finder.form' });
  const levels = await getTranslations({ locale, namespace: 'Options.englishLevel' });
  const person = answer && answer.goal !== 'organization' ? answer : undefined;
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form action={`/${locale}${finderPath}`} method="get" className="grid gap-5 sm:grid-cols-2" aria-label={t('label')}>
      <div>
        <label htmlFor={id('level')} className="font-bold">
          {t('level')}
        </label>
        <select
          id={id('level')}
          name={finderFields.level}
          defaultValue={person?.level ?? ''}
          className="mt-1 block min-h-11 w-full rounded-lg border border-slate-500 bg-white px-3 py-2 text-base"
        >
          <option value="">{t('levelPlaceholder')}</option>
          {finderLevels.map((level) => (
            <option key={level} value={level}>
              {level === 'unsure' ? t('levelUnsure') : levels(`${level}.label`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={id('age')} className="font-bold">
          {t('age')}
        </label>
        <input
          id={id('age')}
          name={finderFields.age}
          type="number"
          inputMode="numeric"
          min={minimumAge}
          max={maximumAge}
          aria-describedby={id('age-hint')}
          className="mt-1 block min-h-11 w-full max-w-[8rem] rounded-lg border border-slate-500 px-3 py-2 text-base"
        />
        <p id={id('age-hint')} className="mt-1 text-sm text-slate-700">
          {t('ageHint')}
        </p>
      </div>
      <fieldset className="sm:col-span-2">
        <legend className="font-bold">{t('goal')}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          {finderGoals.map((goal) => (
            <label key={goal} className={choiceClass}>
              <input
                type="radio"
                name={finderFields.goal}
                value={goal}
                required
                defaultChecked={answer?.goal === goal}
                className="size-5 shrink-0 accent-brand-700"
              />
              {t(`goals.${goal}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="sm:col-span-2">
        <legend className="font-bold">{t('pay')}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          {payOptions.map((pay) => (
            <label key={pay} className={choiceClass}>
              <input
                type="radio"
                name={finderFields.pay}
                value={pay}
                defaultChecked={(person?.pay ?? 'any') === pay}
                className="size-5 shrink-0 accent-brand-700"
              />
              {t(`payOptions.${pay}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="sm:col-span-2">
        <button
          type="submit"
          className="inline-flex min-h-11 w-full items-center justify-center rounded-lg bg-brand-700 px-6 py-2.5 text-base font-bold text-white hover:bg-brand-800 sm:w-auto"
        >
          {t('submit')}
        </button>
      </div>
    </form>
  );
}
