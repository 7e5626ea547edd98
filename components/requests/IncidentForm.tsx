'use client';

import { useActionState } from 'react';
import type { IncidentFormState } from '@/lib/incidents/actions';
import { StaffField } from '@/components/staff/StaffField';
import { MomentField, RegisterForm } from '@/components/requests/RegisterForm';

export interface IncidentFormText {
  summary: string;
  detectedAt: string;
  detectedAtHint: string;
  personalData: string;
  submit: string;
  errorSummary: string;
  errorPrefix: string;
  unavailable: string;
  errors: Record<string, string>;
}

/** An admin records a security incident. Works without JavaScript; what was typed comes back with its errors. */
export function IncidentForm(props: { action: (state: IncidentFormState, form: FormData) => Promise<IncidentFormState>; text: IncidentFormText; now: string }) {
  const { text } = props;
  const [state, action, pending] = useActionState<IncidentFormState, FormData>(props.action, {
    values: { summary: '', detectedAt: props.now, personalDataAffected: false },
  });
  const error = (name: string) => {
    const key = state.fieldErrors?.[name];
    return key && (text.errors[key] ?? key);
  };
  return (
    <RegisterForm
      action={action}
      stateKey={JSON.stringify(state)}
      alert={state.unavailable ? text.unavailable : Object.keys(state.fieldErrors ?? {}).length > 0 && text.errorSummary}
      pending={pending}
      submit={text.submit}
    >
      <StaffField id="incident-summary" label={text.summary} boldLabel error={error('summary')} errorPrefix={text.errorPrefix}>
        {(control) => <textarea {...control} name="summary" required maxLength={4000} rows={4} defaultValue={state.values.summary} />}
      </StaffField>
      <MomentField
        id="incident-detectedAt"
        name="detectedAt"
        label={text.detectedAt}
        hint={text.detectedAtHint}
        error={error('detectedAt')}
        errorPrefix={text.errorPrefix}
        defaultValue={state.values.detectedAt}
      />
      <div className="flex items-start gap-3">
        <input id="incident-personal" name="personalDataAffected" type="checkbox" value="yes" defaultChecked={state.values.personalDataAffected} className="mt-1 h-5 w-5" />
        <label htmlFor="incident-personal">{text.personalData}</label>
      </div>
    </RegisterForm>
  );
}
