'use client';

import { useActionState } from 'react';
import type { RecordRequestState } from '@/lib/requests/form-states';
import { StaffField } from '@/components/staff/StaffField';
import { MomentField, RegisterForm } from '@/components/requests/RegisterForm';

export interface RecordRequestText {
  heading: string;
  kind: string;
  kinds: Record<string, string>;
  subject: string;
  subjects: Record<string, string>;
  channel: string;
  channels: Record<string, string>;
  receivedAt: string;
  receivedAtHint: string;
  description: string;
  submit: string;
  errorPrefix: string;
  errors: Record<string, string>;
  notFound: string;
  unavailable: string;
}

/** Staff record a request received by email, letter, phone or in person. Works without JavaScript. */
export function RecordRequestForm(props: {
  action: (state: RecordRequestState, form: FormData) => Promise<RecordRequestState>;
  text: RecordRequestText;
  now: string;
}) {
  const { text } = props;
  const [state, action, pending] = useActionState<RecordRequestState, FormData>(props.action, {
    values: { kind: 'consulta', subject: 'access', channel: 'email', receivedAt: props.now, description: '' },
  });
  const error = (name: string) => {
    const key = state.fieldErrors?.[name];
    return key && (text.errors[key] ?? key);
  };
  const select = (name: 'kind' | 'subject' | 'channel', options: Record<string, string>) => (
    <StaffField id={`rr-${name}`} label={text[name]} boldLabel error={error(name)} errorPrefix={text.errorPrefix}>
      {(control) => (
        <select {...control} name={name} defaultValue={state.values[name]}>
          {Object.entries(options).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </StaffField>
  );
  return (
    <RegisterForm
      action={action}
      stateKey={JSON.stringify(state)}
      alert={(state.error || state.fieldErrors) && (state.error === 'notFound' ? text.notFound : state.error === 'unavailable' ? text.unavailable : text.errors.summary)}
      pending={pending}
      submit={text.submit}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        {select('kind', text.kinds)}
        {select('subject', text.subjects)}
        {select('channel', text.channels)}
      </div>
      <MomentField
        id="rr-receivedAt"
        name="receivedAt"
        label={text.receivedAt}
        hint={text.receivedAtHint}
        error={error('receivedAt')}
        errorPrefix={text.errorPrefix}
        defaultValue={state.values.receivedAt}
      />
      <StaffField id="rr-description" label={text.description} boldLabel error={error('description')} errorPrefix={text.errorPrefix}>
        {(control) => <textarea {...control} name="description" required maxLength={4000} rows={4} defaultValue={state.values.description} />}
      </StaffField>
    </RegisterForm>
  );
}
