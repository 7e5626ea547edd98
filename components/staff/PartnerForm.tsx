'use client';

import { useActionState } from 'react';
import type { PartnerFormState } from '@/lib/partners/form-state';
import { partnerKinds, partnerReceivesAs, type PartnerFormValues } from '@/lib/partners/schema';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { StaffField, StaffFormAlert } from '@/components/staff/StaffField';

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
  const error = (field: string) => {
    const key = state.errors?.[field];
    return key && (text.errors[key] ?? key);
  };
  // A fresh key after each answer, so the uncontrolled fields show what the server sent back.
  const key = JSON.stringify(state.values) + (state.saved ?? '') + JSON.stringify(state.errors ?? {});
  return (
    <form action={action} noValidate className="mt-3 grid max-w-xl gap-4" key={key}>
      {(state.errors || state.unavailable) && <StaffFormAlert summary={text.errorSummary} detail={state.unavailable && text.unavailable} />}
      {state.saved && (
        <p role="status" className="rounded border border-brand-600 bg-brand-50 p-3">
          {text.saved.replace('{name}', state.saved)}
        </p>
      )}
      <StaffField id={id('name')} label={text.name} error={error('name')}>
        {(control) => <input {...control} name="name" defaultValue={state.values.name} required maxLength={200} autoComplete="off" />}
      </StaffField>
      <StaffField id={id('kind')} label={text.kind} error={error('kind')}>
        {(control) => (
          <select {...control} name="kind" defaultValue={state.values.kind}>
            {partnerKinds.map((k) => (
              <option key={k} value={k}>
                {text.kinds[k]}
              </option>
            ))}
          </select>
        )}
      </StaffField>
      <StaffField id={id('country')} label={text.country} hint={text.countryHelp} hintAfter error={error('country')} className="w-24 uppercase">
        {(control) => <input {...control} name="country" defaultValue={state.values.country} required maxLength={2} size={4} autoComplete="off" spellCheck={false} />}
      </StaffField>
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
        {error('receivesAs') && (
          <p id={`${id('receivesAs')}-error`} className="text-sm text-red-800">
            {error('receivesAs')}
          </p>
        )}
      </fieldset>
      <StaffField id={id('agreementReference')} label={text.agreementReference} hint={text.agreementHelp} hintAfter error={error('agreementReference')}>
        {(control) => <input {...control} name="agreementReference" defaultValue={state.values.agreementReference} maxLength={200} autoComplete="off" />}
      </StaffField>
      <SubmitButton pending={pending} align="justify-self-start">
        {text.submit}
      </SubmitButton>
    </form>
  );
}
