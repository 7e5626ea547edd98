'use client';

import { useActionState, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import type { OpportunityFormState } from '@/lib/opportunities/form-state';
import {
  employmentTypes,
  opportunityModes,
  opportunityValuesFromForm,
  parseOpportunity,
  type OpportunityErrorKey,
  type OpportunityFormValues,
} from '@/lib/opportunities/schema';
import { englishLevels, interestOptions, programOptions } from '@/lib/candidates/options';
import { municipalityChoices } from '@/lib/municipalities';

const field = 'flex flex-col gap-1';
const input = 'rounded border border-slate-500 px-3 py-2';
const fieldset = 'mt-6 rounded border border-slate-300 p-4';

/**
 * The opportunity form, new or edit. Without JavaScript it posts to the server action and comes back with its
 * errors and everything typed; with it, the same schema checks it before it posts. The kind is chosen by the link
 * that opened the form and shows only its own fields.
 */
export function OpportunityForm({
  save,
  initial,
  published,
  employers,
}: {
  save: (state: OpportunityFormState, form: FormData) => Promise<OpportunityFormState>;
  initial: OpportunityFormValues;
  /** A published or closed opportunity: saved as strictly as publishing, and no "publish" button. */
  published: boolean;
  employers: { id: string; name: string }[];
}) {
  const t = useTranslations('StaffOpportunityForm');
  const o = useTranslations('Options');
  const [state, action, pending] = useActionState<OpportunityFormState, FormData>(save, { values: initial });
  const [clientErrors, setClientErrors] = useState<Record<string, OpportunityErrorKey> | null>(null);
  const kind = initial.kind === 'job' ? 'job' : 'cohort';
  const errors = clientErrors ?? state.errors ?? {};
  const values = state.values;
  // A fresh key after each answer, so the uncontrolled fields show what the server sent back.
  const key = JSON.stringify(state);

  function check(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const form = new FormData(event.currentTarget);
    const strict = published || submitter?.value === 'publish';
    const parsed = parseOpportunity(opportunityValuesFromForm(form), strict ? 'publish' : 'draft');
    if (parsed.ok) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    setClientErrors(parsed.errors);
    requestAnimationFrame(() => document.getElementById('opportunity-errors')?.focus());
  }

  const error = (name: string) => errors[name];
  const describedBy = (name: string, help?: boolean) =>
    [help ? `op-${name}-help` : '', error(name) ? `op-${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  const errorText = (name: string) =>
    error(name) ? (
      <p id={`op-${name}-error`} className="text-sm text-red-800">
        {t(`errors.${error(name)!}`)}
      </p>
    ) : null;
  const text = (name: keyof OpportunityFormValues, options: { multiline?: boolean; type?: string; help?: boolean; inputMode?: 'numeric' } = {}) => (
    <div className={field}>
      <label htmlFor={`op-${name}`}>{t(`fields.${name}` as 'fields.titleEs')}</label>
      {options.multiline ? (
        <textarea
          id={`op-${name}`}
          name={name}
          rows={5}
          defaultValue={values[name] as string}
          aria-invalid={error(name) ? true : undefined}
          aria-describedby={describedBy(name, options.help)}
          className={input}
        />
      ) : (
        <input
          id={`op-${name}`}
          name={name}
          type={options.type ?? 'text'}
          inputMode={options.inputMode}
          defaultValue={values[name] as string}
          aria-invalid={error(name) ? true : undefined}
          aria-describedby={describedBy(name, options.help)}
          className={input}
        />
      )}
      {options.help && (
        <p id={`op-${name}-help`} className="text-sm text-slate-700">
          {t(`help.${name}` as 'help.enrolmentUrl')}
        </p>
      )}
      {errorText(name)}
    </div>
  );
  const select = (name: keyof OpportunityFormValues, choices: { value: string; label: string }[], empty: string) => (
    <div className={field}>
      <label htmlFor={`op-${name}`}>{t(`fields.${name}` as 'fields.titleEs')}</label>
      <select
        id={`op-${name}`}
        name={name}
        defaultValue={values[name] as string}
        aria-invalid={error(name) ? true : undefined}
        aria-describedby={describedBy(name)}
        className={input}
      >
        <option value="">{empty}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      {errorText(name)}
    </div>
  );
  const checkboxes = (name: 'municipalities' | 'interests', choices: { value: string; label: string }[], help: string) => (
    <fieldset className="flex flex-col gap-1" aria-describedby={describedBy(name, true)}>
      <legend>{t(`fields.${name}`)}</legend>
      <p id={`op-${name}-help`} className="text-sm text-slate-700">
        {help}
      </p>
      <div className={name === 'municipalities' ? 'grid max-h-64 gap-1 overflow-y-auto rounded border border-slate-300 p-2 sm:grid-cols-2 md:grid-cols-3' : 'flex flex-wrap gap-4'}>
        {choices.map((c) => (
          <label key={c.value} className="flex items-center gap-2">
            <input type="checkbox" name={name} value={c.value} defaultChecked={values[name].includes(c.value)} />
            {c.label}
          </label>
        ))}
      </div>
      {errorText(name)}
    </fieldset>
  );
  const group = (legend: string, children: ReactNode, hidden = false) =>
    hidden ? null : (
    <fieldset className={fieldset}>
      <legend className="px-1 text-lg font-bold">{legend}</legend>
      <div className="grid gap-4 md:grid-cols-2">{children}</div>
    </fieldset>
  );
  const errorNames = Object.keys(errors);

  return (
    <form action={action} onSubmit={check} noValidate key={key} className="mt-6 max-w-4xl">
      {(errorNames.length > 0 || state.unavailable) && (
        <div id="opportunity-errors" tabIndex={-1} role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          <p className="font-bold">{state.unavailable ? t('unavailable') : t('errorSummary')}</p>
          <ul className="mt-1 list-disc pl-5">
            {errorNames.map((name) => (
              <li key={name}>
                <a className="underline" href={`#op-${name === 'municipalities' || name === 'interests' ? `${name}-help` : name}`}>
                  {t(`fields.${name}` as 'fields.titleEs')}: {t(`errors.${errors[name]!}`)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}

      {group(
        t(`groups.${kind}`),
        <>
          {/* Chosen by the link that opened the form ("new cohort", "new job opening"); it never changes after. */}
          <input type="hidden" name="kind" value={kind} />
          <p className="text-sm text-slate-700 md:col-span-2">{t('help.bothLanguages')}</p>
          {text('titleEs')}
          {text('titleEn')}
          {text('descriptionEs', { multiline: true })}
          {text('descriptionEn', { multiline: true })}
        </>,
      )}

      {group(
        t('groups.cohortDetails'),
        <>
          {select('program', programOptions.map((p) => ({ value: p, label: o(`program.${p}`) })), t('choose'))}
          {select('mode', opportunityModes.map((m) => ({ value: m, label: t(`modes.${m}`) })), t('choose'))}
          {text('startsOn', { type: 'date' })}
          {text('endsOn', { type: 'date' })}
          {text('scheduleEs')}
          {text('scheduleEn')}
          {text('place', { help: true })}
          {text('seats', { inputMode: 'numeric' })}
          {text('costTermsEs', { multiline: true })}
          {text('costTermsEn', { multiline: true })}
          {text('howToEnrolEs', { multiline: true })}
          {text('howToEnrolEn', { multiline: true })}
          {text('enrolmentUrl', { type: 'url', help: true })}
        </>,
        kind !== 'cohort',
      )}

      {group(
        t('groups.jobDetails'),
        <>
          {select('employerId', employers.map((e) => ({ value: e.id, label: e.name })), employers.length ? t('choose') : t('noEmployers'))}
          {select('employmentType', employmentTypes.map((e) => ({ value: e, label: t(`employmentTypes.${e}`) })), t('notSaid'))}
          {text('salaryMin', { inputMode: 'numeric', help: true })}
          {text('salaryMax', { inputMode: 'numeric' })}
          {text('closesOn', { type: 'date' })}
        </>,
        kind !== 'job',
      )}

      {group(
        t('groups.audience'),
        <>
          {select('minEnglishLevel', englishLevels.map((l) => ({ value: l, label: o(`englishLevel.${l}.label`) })), t('anyLevel'))}
          <div className="flex items-end gap-4">
            {text('minAge', { inputMode: 'numeric' })}
            {text('maxAge', { inputMode: 'numeric' })}
          </div>
          <div className="md:col-span-2">
            {checkboxes('interests', interestOptions.map((i) => ({ value: i, label: o(`interest.${i}`) })), t('help.interests'))}
          </div>
          <div className="md:col-span-2">
            {checkboxes('municipalities', municipalityChoices.map((m) => ({ value: m.code, label: m.label })), t('help.municipalities'))}
          </div>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="remote" defaultChecked={values.remote} />
            {t('fields.remote')}
          </label>
        </>,
      )}

      <div className="mt-6 flex flex-wrap gap-3">
        <button type="submit" name="intent" value="save" disabled={pending} className="rounded border border-brand-700 bg-white px-5 py-2 font-bold text-brand-800 hover:bg-brand-50 disabled:opacity-70">
          {published ? t('saveChanges') : t('saveDraft')}
        </button>
        {!published && (
          <button type="submit" name="intent" value="publish" disabled={pending} className="rounded bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800 disabled:opacity-70">
            {t('saveAndPublish')}
          </button>
        )}
      </div>
    </form>
  );
}
