'use client';

import { startTransition, useActionState, useCallback, useEffect, useRef, useState } from 'react';
import { unstable_rethrow } from 'next/navigation';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import type { Locale } from '@/lib/i18n/routing';
import { englishLevels, interestOptions, programOptions } from '@/lib/candidates/options';
import { municipalityChoices, outsideValle } from '@/lib/municipalities';
import { honeypotField, noticeField, signUpFields, type SignUpErrorKey, type SignUpField } from '@/lib/candidates/fields';
import type { SignUpData, SignUpInput } from '@/lib/candidates/schema';
import { signUpValuesFrom, type SignUpFormState, type SignUpValues } from '@/lib/candidates/form-state';
import { CheckboxField, Choice, ChoiceGroup, ErrorSummary, Honeypot, SelectField, TextField } from '@/components/ui/FormFields';
import type { TalentFormText } from './talent-form-text';

export interface TalentFormNotice {
  heading: string;
  paragraphs: string[];
  policyLink: { label: string; href: string };
  checkboxLabel: string;
  sha256: string;
}

export type SignUpAction = (state: SignUpFormState, formData: FormData) => Promise<SignUpFormState>;


type SignUpResolver = Resolver<SignUpInput, unknown, SignUpData>;

// The schema (zod and the phone metadata: most of this page's script) is fetched when the person first reaches the
// form, not with the page, so the page is ready sooner on a slow phone. It is there long before the first answer
// is checked; until then a check waits for it.
const loadResolver = (): Promise<SignUpResolver> =>
  import('@/lib/candidates/sign-up-resolver').then(({ createSignUpResolver }) => createSignUpResolver());

function formValues(values: SignUpValues): SignUpInput {
  return {
    fullName: values.fullName,
    email: values.email,
    phone: values.phone,
    municipality: values.municipality,
    birthYear: values.birthYear,
    englishLevel: values.englishLevel || null,
    interests: values.interests,
    programs: values.programs,
    adult: values.adult ? 'yes' : false,
    consent: values.consent ? 'yes' : false,
  };
}

/**
 * The sign-up form. Without JavaScript it is a plain HTML form posting to `/{locale}/talent/submit`, and the
 * server answers with this same form, filled in, with its errors. With JavaScript, react-hook-form checks each
 * answer with the shared schema as the person goes, and a valid form is sent to the server action.
 */
export function TalentForm(props: {
  locale: Locale;
  action: SignUpAction;
  initialState: SignUpFormState;
  text: TalentFormText;
  notice: TalentFormNotice;
}) {
  const text = props.text;
  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  const [state, dispatch, pending] = useActionState<SignUpFormState, FormData>(async (previous, formData) => {
    try {
      return await props.action(previous, formData);
    } catch (error) {
      // A redirect (success) must reach the router; anything else (network, oversized request, server error)
      // leaves the person where they were, with what they typed.
      unstable_rethrow(error);
      return { status: 'unavailable', values: signUpValuesFrom(formData), fieldErrors: {} };
    }
  }, props.initialState);

  const loaded = useRef<Promise<SignUpResolver> | null>(null);
  const preload = useCallback(() => {
    // A failed download is forgotten, so the next check tries again.
    loaded.current ??= loadResolver().catch((error: unknown) => {
      loaded.current = null;
      throw error;
    });
    return loaded.current;
  }, []);
  const warmUp = () => void preload().catch(() => {});
  const resolver = useCallback<SignUpResolver>(
    async (values, context, options) => {
      let resolve: SignUpResolver;
      try {
        resolve = await preload();
      } catch {
        // The schema could not be fetched (connection lost): let the server check the answers, as without JavaScript.
        return { values: values as unknown as SignUpData, errors: {} };
      }
      return resolve(values, context, options);
    },
    [preload],
  );
  const form = useForm({
    resolver,
    mode: 'onTouched',
    defaultValues: formValues(props.initialState.values),
    shouldFocusError: true,
  });
  const { register, formState } = form;
  // react-hook-form only re-renders for the parts of formState read during render: read them on every render,
  // including the first (server-rendered) one, or errors set before hydration completes would never show.
  const liveErrors = formState.errors as FieldErrors<Record<SignUpField, unknown>>;
  const submitCount = formState.submitCount;

  // Until react-hook-form has taken over (server render, no JavaScript), the server's errors are the errors.
  const [hydrated, setHydrated] = useState(false);
  const handled = useRef<SignUpFormState>(props.initialState);
  useEffect(() => {
    for (const [field, key] of Object.entries(props.initialState.fieldErrors)) {
      form.setError(field as SignUpField, { type: 'server', message: key });
    }
    // eslint-disable-next-line react-hooks/set-state-in-effect -- switch from server-rendered errors to live ones
    setHydrated(true);
  }, [form, props.initialState.fieldErrors]);

  // A new answer from the server: show its errors and move focus to the first one.
  useEffect(() => {
    if (state === handled.current) return;
    handled.current = state;
    const fields = signUpFields.filter((field) => state.fieldErrors[field]);
    for (const field of fields) form.setError(field, { type: 'server', message: state.fieldErrors[field] });
    if (state.status !== 'invalid' && state.status !== 'idle') statusRef.current?.focus();
    else if (fields[0]) form.setFocus(fields[0]);
  }, [state, form]);

  const errorOf = (field: SignUpField): SignUpErrorKey | undefined =>
    hydrated ? (liveErrors[field]?.message as SignUpErrorKey | undefined) : props.initialState.fieldErrors[field];
  const errors = signUpFields.flatMap((field) => {
    const key = errorOf(field);
    return key ? [{ field, key }] : [];
  });
  // The summary lists errors someone sent the form with: the server's (the page came back from a post, and stays
  // listed once the scripts take over) or the browser's after a submit, not those met while typing.
  const sentWithErrors = props.initialState.status !== 'idle' || submitCount > 0 || state !== props.initialState;
  const showSummary = errors.length > 0 && (!hydrated || sentWithErrors);
  const statusMessage =
    state.status === 'rateLimited'
      ? (state.limitedBy === 'email' ? text.rateLimitedEmail : text.status.rateLimited).replace('{time}', retryTime(props.locale, state.retryAt))
      : state.status === 'unavailable' || state.status === 'tooLarge'
        ? text.status[state.status]
        : null;

  const onValid = () => {
    startTransition(() => dispatch(new FormData(formRef.current!)));
  };

  // Each field's id, and its error in the person's language (the server's until the scripts take over).
  const fieldStatus = (field: SignUpField) => {
    const key = errorOf(field);
    return { id: id(field), error: key && text.errors[key], errorPrefix: text.errorPrefix };
  };
  const values = props.initialState.values;

  return (
    <form
      ref={formRef}
      action={`/${props.locale}/talent/submit`}
      method="post"
      noValidate
      aria-label={text.label}
      // Marks the moment the form checks answers in the browser (tests wait for it).
      data-enhanced={hydrated ? 'true' : undefined}
      onSubmit={(event) => form.handleSubmit(onValid)(event)}
      onFocus={warmUp}
      onPointerDown={warmUp}
      className="mt-8 flex flex-col gap-6"
    >
      <div ref={statusRef} tabIndex={-1} role="alert" className="focus:outline-none">
        {statusMessage ? <p className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-800">{statusMessage}</p> : null}
      </div>

      {showSummary ? (
        <ErrorSummary
          id={id('summary')}
          heading={text.errorSummary[errors.length - 1]!}
          errors={errors.map(({ field, key }) => ({ target: id(firstInputOf(field)), message: text.errors[key] }))}
          autofocus={!hydrated}
        />
      ) : null}

      <input type="hidden" name={noticeField} value={props.notice.sha256} />

      <TextField
        {...fieldStatus('fullName')}
        label={text.fullName.label}
        type="text"
        autoComplete="name"
        required
        defaultValue={values.fullName}
        {...register('fullName')}
      />

      <TextField
        {...fieldStatus('email')}
        label={text.email.label}
        hint={text.email.hint}
        type="email"
        autoComplete="email"
        spellCheck={false}
        required
        defaultValue={values.email}
        {...register('email')}
      />

      <TextField
        {...fieldStatus('phone')}
        label={text.phone.label}
        hint={text.phone.hint}
        type="tel"
        autoComplete="tel"
        required
        defaultValue={values.phone}
        {...register('phone')}
      />

      <SelectField {...fieldStatus('municipality')} label={text.municipality.label} required defaultValue={values.municipality} {...register('municipality')}>
        <option value="">{text.municipality.placeholder}</option>
        <optgroup label={text.municipality.valle}>
          {municipalityChoices.map((m) => (
            <option key={m!.code} value={m!.code}>
              {m!.label}
            </option>
          ))}
        </optgroup>
        <option value={outsideValle}>{text.municipality.other}</option>
      </SelectField>

      <TextField
        {...fieldStatus('birthYear')}
        label={text.birthYear.label}
        hint={text.birthYear.hint}
        type="text"
        inputMode="numeric"
        autoComplete="bday-year"
        maxLength={4}
        required
        defaultValue={values.birthYear}
        className="max-w-[8rem]"
        {...register('birthYear')}
      />

      <CheckboxField {...fieldStatus('adult')} label={text.adult.label} required defaultChecked={values.adult} {...register('adult')} />

      <ChoiceGroup {...fieldStatus('englishLevel')} legend={text.englishLevel.legend} hint={text.englishLevel.hint} gap="gap-3">
        {englishLevels.map((level) => (
          <div key={level} className="flex items-start gap-3">
            <input
              id={id(`englishLevel-${level}`)}
              type="radio"
              value={level}
              required
              aria-describedby={id(`englishLevel-${level}-description`)}
              defaultChecked={values.englishLevel === level}
              className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
              {...register('englishLevel')}
            />
            <div>
              <label htmlFor={id(`englishLevel-${level}`)}>{text.englishLevel.levels[level].label}</label>
              <p id={id(`englishLevel-${level}-description`)} className="text-sm text-slate-700">
                {text.englishLevel.levels[level].description}
              </p>
            </div>
          </div>
        ))}
      </ChoiceGroup>

      <ChoiceGroup {...fieldStatus('interests')} legend={text.interests.legend} hint={text.interests.hint} gap="gap-2">
        {interestOptions.map((interest) => (
          <Choice
            key={interest}
            id={id(`interests-${interest}`)}
            label={text.interests.options[interest]}
            type="checkbox"
            value={interest}
            aria-invalid={errorOf('interests') ? true : undefined}
            defaultChecked={values.interests.includes(interest)}
            {...register('interests')}
          />
        ))}
      </ChoiceGroup>

      <ChoiceGroup
        {...fieldStatus('programs')}
        legend={
          <>
            {text.programs.legend} <span className="text-slate-700">({text.optional})</span>
          </>
        }
        hint={text.programs.hint}
        gap="gap-2"
      >
        {programOptions.map((program) => (
          <Choice
            key={program}
            id={id(`programs-${program}`)}
            label={text.programs.options[program]}
            type="checkbox"
            value={program}
            defaultChecked={values.programs.includes(program)}
            {...register('programs')}
          />
        ))}
      </ChoiceGroup>

      <Honeypot id={id(honeypotField)} name={honeypotField} label={text.honeypot} />

      <section aria-labelledby={id('notice-heading')} className="rounded border border-slate-300 bg-slate-50 px-4 py-4">
        <h2 id={id('notice-heading')} className="text-lg font-bold">
          {props.notice.heading}
        </h2>
        <div id={id('notice')} className="mt-2 flex flex-col gap-2 text-sm">
          {props.notice.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
          <p>
            <a className="text-brand-700 underline" href={props.notice.policyLink.href}>
              {props.notice.policyLink.label}
            </a>
          </p>
        </div>
        <CheckboxField
          {...fieldStatus('consent')}
          label={props.notice.checkboxLabel}
          required
          defaultChecked={values.consent}
          className="mt-4"
          {...register('consent')}
        />
      </section>

      <div>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-700 px-6 py-3 text-base font-bold text-white hover:bg-brand-800 disabled:opacity-70"
        >
          {pending ? text.submitting : text.submit}
        </button>
      </div>
    </form>
  );
}

/** One sign-up form per page, so plain ids: stable for the error summary's links. */
function id(name: string): string {
  return `signup-${name}`;
}

/** The element a summary link jumps to: the field itself, or the first choice of a group. */
function firstInputOf(field: SignUpField): string {
  if (field === 'englishLevel') return `englishLevel-${englishLevels[0]}`;
  if (field === 'interests') return `interests-${interestOptions[0]}`;
  if (field === 'programs') return `programs-${programOptions[0]}`;
  return field;
}

/** When to try again, as the wall clock in Colombia reads it ("3:05 p. m."), or "in a few minutes" without one. */
function retryTime(locale: Locale, retryAt: string | undefined): string {
  const at = retryAt ? new Date(retryAt) : new Date(Date.now() + 10 * 60_000);
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-CO' : 'en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'America/Bogota' }).format(at);
}
