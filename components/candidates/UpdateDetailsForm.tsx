import type { ReactNode } from 'react';
import { englishLevels, interestOptions, programOptions } from '@/lib/candidates/options';
import { municipalityChoices, outsideValle } from '@/lib/municipalities';
import type { SignUpFormState } from '@/lib/candidates/form-state';
import type { SignUpErrorKey } from '@/lib/candidates/fields';
import type { TalentFormText } from '@/components/talent/talent-form-text';
import { SubmitButton } from '@/components/ui/SubmitButton';

// The candidate's own correction form on My data: the sign-up form's fields, names and words (validated on the
// server with the sign-up's schema), prefilled, as plain HTML. It needs no script: it posts to a server action
// with `intent=update`, which applies it or sends it back with its errors.

type Field = 'fullName' | 'phone' | 'municipality' | 'birthYear' | 'englishLevel' | 'interests' | 'programs';
const fields: Field[] = ['fullName', 'phone', 'municipality', 'birthYear', 'englishLevel', 'interests', 'programs'];

export function UpdateDetailsForm(props: {
  action: (form: FormData) => Promise<void>;
  state: SignUpFormState;
  text: TalentFormText;
  submit: string;
  errorsHeading: string;
}) {
  const { state, text } = props;
  const values = state.values;
  const error = (field: Field) => state.fieldErrors[field] as SignUpErrorKey | undefined;
  const describedBy = (field: Field, hint?: boolean) =>
    [hint ? `u-${field}-hint` : null, error(field) ? `u-${field}-error` : null].filter(Boolean).join(' ') || undefined;
  const errorText = (field: Field) =>
    error(field) ? (
      <p id={`u-${field}-error`} className="text-sm text-red-800">
        {text.errors[error(field)!]}
      </p>
    ) : null;
  const failing = fields.filter((f) => error(f));
  const input = 'rounded border border-slate-500 px-3 py-2';
  return (
    <form action={props.action} noValidate className="mt-4 flex flex-col gap-5">
      {failing.length > 0 && (
        <div role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          <p className="font-bold">{props.errorsHeading}</p>
          <ul className="list-disc pl-5">
            {failing.map((f) => (
              <li key={f}>
                <a href={`#u-${f}`}>{text.errors[error(f)!]}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Labelled label={text.fullName.label} htmlFor="u-fullName">
        <input id="u-fullName" name="fullName" type="text" autoComplete="name" defaultValue={values.fullName} required
          aria-invalid={error('fullName') ? true : undefined} aria-describedby={describedBy('fullName')} className={input} />
        {errorText('fullName')}
      </Labelled>
      <Labelled label={text.phone.label} htmlFor="u-phone" hint={text.phone.hint} hintId="u-phone-hint">
        <input id="u-phone" name="phone" type="tel" autoComplete="tel" defaultValue={values.phone} required
          aria-invalid={error('phone') ? true : undefined} aria-describedby={describedBy('phone', true)} className={input} />
        {errorText('phone')}
      </Labelled>
      <Labelled label={text.municipality.label} htmlFor="u-municipality">
        <select id="u-municipality" name="municipality" defaultValue={values.municipality} required
          aria-invalid={error('municipality') ? true : undefined} aria-describedby={describedBy('municipality')} className={input}>
          <option value="">{text.municipality.placeholder}</option>
          <optgroup label={text.municipality.valle}>
            {municipalityChoices.map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </optgroup>
          <option value={outsideValle}>{text.municipality.other}</option>
        </select>
        {errorText('municipality')}
      </Labelled>
      <Labelled label={text.birthYear.label} htmlFor="u-birthYear" hint={text.birthYear.hint} hintId="u-birthYear-hint">
        <input id="u-birthYear" name="birthYear" type="text" inputMode="numeric" autoComplete="bday-year" defaultValue={values.birthYear} required
          aria-invalid={error('birthYear') ? true : undefined} aria-describedby={describedBy('birthYear', true)} className={`${input} w-32`} />
        {errorText('birthYear')}
      </Labelled>
      <fieldset id="u-englishLevel" aria-describedby={describedBy('englishLevel', true)}>
        <legend className="font-bold">{text.englishLevel.legend}</legend>
        <p id="u-englishLevel-hint" className="text-sm text-slate-700">{text.englishLevel.hint}</p>
        {englishLevels.map((level) => (
          <label key={level} className="mt-1 flex items-start gap-2">
            <input type="radio" name="englishLevel" value={level} defaultChecked={values.englishLevel === level} className="mt-1" />
            <span>
              <span className="font-bold">{text.englishLevel.levels[level].label}</span> — {text.englishLevel.levels[level].description}
            </span>
          </label>
        ))}
        {errorText('englishLevel')}
      </fieldset>
      <fieldset id="u-interests" aria-describedby={describedBy('interests', true)}>
        <legend className="font-bold">{text.interests.legend}</legend>
        <p id="u-interests-hint" className="text-sm text-slate-700">{text.interests.hint}</p>
        {interestOptions.map((interest) => (
          <label key={interest} className="mt-1 flex items-center gap-2">
            <input type="checkbox" name="interests" value={interest} defaultChecked={values.interests.includes(interest)} />
            {text.interests.options[interest]}
          </label>
        ))}
        {errorText('interests')}
      </fieldset>
      <fieldset id="u-programs" aria-describedby={describedBy('programs', true)}>
        <legend className="font-bold">
          {text.programs.legend} <span className="font-normal">({text.optional})</span>
        </legend>
        <p id="u-programs-hint" className="text-sm text-slate-700">{text.programs.hint}</p>
        {programOptions.map((program) => (
          <label key={program} className="mt-1 flex items-center gap-2">
            <input type="checkbox" name="programs" value={program} defaultChecked={values.programs.includes(program)} />
            {text.programs.options[program]}
          </label>
        ))}
        {errorText('programs')}
      </fieldset>
      <SubmitButton name="intent" value="update">
        {props.submit}
      </SubmitButton>
    </form>
  );
}

function Labelled(props: { label: string; htmlFor: string; hint?: string; hintId?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={props.htmlFor} className="font-bold">
        {props.label}
      </label>
      {props.hint && (
        <p id={props.hintId} className="text-sm text-slate-700">
          {props.hint}
        </p>
      )}
      {props.children}
    </div>
  );
}
