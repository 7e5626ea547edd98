'use client';

import { useActionState } from 'react';
import type { PartnerFormState } from '@/lib/partners/form-state';
import { partnerKinds, partnerReceivesAs, type PartnerFormValues } from '@/lib/partners/schema';
import { SubmitButton } from '@/components/ui/SubmitButton';

export interface PartnerFormText {
  name: string;
  kind: string;
  kinds: Record<(typeof partnerKinds)[number], string>;
  country: string;
  countryHelp: string;
  receivesAs: string;
  receivesAsOptions: Record<(typeof partnerReceivesAs)[number], { label: string; help: string }>;
  agreementReference: string;
  agreementHelp: string;
  submit: string;
  errorSummary: string;
  unavailable: string;
  /** `{name}` is filled in. */
  saved: string;
  errors: Record<string, string>;
}

const input = 'rounded border border-slate-500 px-3 py-2';

/** Adds or edits a partner organization; `idPrefix` keeps ids unique when two forms share a page. */
export function PartnerForm({
  save,
  initial,
  text,
  idPrefix = 'partner',
}: {
  save: (state: PartnerFormState, form: FormData) => Promise<PartnerFormState>;
  initial: PartnerFormValues;
  text: PartnerFormText;
  idPrefix?: string;
}) {
  const [state, action, pending] = useActionState<PartnerFormState, FormData>(save, { values: initial });
  const id = (field: string) => `${idPrefix}-${field}`;
  const error = (field: string) => state.errors?.[field];
  const describedBy = (field: string, help?: boolean) =>
    [help ? `${id(field)}-help` : null, error(field) ? `${id(field)}-error` : null].filter(Boolean).join(' ') || undefined;
  const errorText = (field: string) =>
    error(field) ? (
      <p id={`${id(field)}-error`} className="text-sm text-red-800">
        {text.errors[error(field)!] ?? error(field)}
      </p>
    ) : null;
  // A fresh key after each answer, so the uncontrolled fields show what the server sent back.
  const key = JSON.stringify(state.values) + (state.saved ?? '') + JSON.stringify(state.errors ?? {});
  return (
    <form action={action} noValidate className="mt-3 grid max-w-xl gap-4" key={key}>
      {(state.errors || state.unavailable) && (
        <div role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          <p className="font-bold">{text.errorSummary}</p>
          {state.unavailable && <p>{text.unavailable}</p>}
        </div>
      )}
      {state.saved && (
        <p role="status" className="rounded border border-brand-600 bg-brand-50 p-3">
          {text.saved.replace('{name}', state.saved)}
        </p>
      )}
      <div className="flex flex-col gap-1">
        <label htmlFor={id('name')}>{text.name}</label>
        <input id={id('name')} name="name" defaultValue={state.values.name} required maxLength={200} autoComplete="off" aria-invalid={error('name') ? true : undefined} aria-describedby={describedBy('name')} className={input} />
        {errorText('name')}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={id('kind')}>{text.kind}</label>
        <select id={id('kind')} name="kind" defaultValue={state.values.kind} aria-invalid={error('kind') ? true : undefined} aria-describedby={describedBy('kind')} className={input}>
          {partnerKinds.map((k) => (
            <option key={k} value={k}>
              {text.kinds[k]}
            </option>
          ))}
        </select>
        {errorText('kind')}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={id('country')}>{text.country}</label>
        <input
          id={id('country')}
          name="country"
          defaultValue={state.values.country}
          required
          maxLength={2}
          size={4}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error('country') ? true : undefined}
          aria-describedby={describedBy('country', true)}
          className={`${input} w-24 uppercase`}
        />
        <p id={`${id('country')}-help`} className="text-sm text-slate-700">
          {text.countryHelp}
        </p>
        {errorText('country')}
      </div>
      <fieldset aria-describedby={error('receivesAs') ? `${id('receivesAs')}-error` : undefined}>
        <legend>{text.receivesAs}</legend>
        <div className="mt-1 grid gap-2">
          {partnerReceivesAs.map((r) => (
            <div key={r} className="flex items-start gap-2">
              <input type="radio" id={id(`receivesAs-${r}`)} name="receivesAs" value={r} defaultChecked={state.values.receivesAs === r} aria-describedby={`${id(`receivesAs-${r}`)}-help`} className="mt-1.5" />
              <div>
                <label htmlFor={id(`receivesAs-${r}`)}>{text.receivesAsOptions[r].label}</label>
                <p id={`${id(`receivesAs-${r}`)}-help`} className="text-sm text-slate-700">
                  {text.receivesAsOptions[r].help}
                </p>
              </div>
            </div>
          ))}
        </div>
        {errorText('receivesAs')}
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor={id('agreementReference')}>{text.agreementReference}</label>
        <input
          id={id('agreementReference')}
          name="agreementReference"
          defaultValue={state.values.agreementReference}
          maxLength={200}
          autoComplete="off"
          aria-invalid={error('agreementReference') ? true : undefined}
          aria-describedby={describedBy('agreementReference', true)}
          className={input}
        />
        <p id={`${id('agreementReference')}-help`} className="text-sm text-slate-700">
          {text.agreementHelp}
        </p>
        {errorText('agreementReference')}
      </div>
      <SubmitButton pending={pending} align="justify-self-start">
        {text.submit}
      </SubmitButton>
    </form>
  );
}
