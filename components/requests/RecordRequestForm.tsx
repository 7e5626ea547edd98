'use client';

import { useActionState } from 'react';
import type { RecordRequestState } from '@/lib/requests/form-states';

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

const field = 'rounded border border-slate-500 px-3 py-2';

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
  const error = (name: string) => state.fieldErrors?.[name];
  const described = (name: string, hint?: string) => [hint, error(name) ? `rr-${name}-error` : null].filter(Boolean).join(' ') || undefined;
  const errorText = (name: string) =>
    error(name) ? (
      <p id={`rr-${name}-error`} className="text-sm text-red-800">
        <span className="sr-only">{text.errorPrefix} </span>
        {text.errors[error(name)!] ?? error(name)}
      </p>
    ) : null;
  const select = (name: 'kind' | 'subject' | 'channel', options: Record<string, string>) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`rr-${name}`} className="font-bold">
        {text[name]}
      </label>
      <select id={`rr-${name}`} name={name} defaultValue={state.values[name]} aria-describedby={described(name)} className={field}>
        {Object.entries(options).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {errorText(name)}
    </div>
  );
  return (
    <form action={action} className="mt-3 grid max-w-2xl gap-4" key={JSON.stringify(state)}>
      {(state.error || state.fieldErrors) && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {state.error === 'notFound' ? text.notFound : state.error === 'unavailable' ? text.unavailable : text.errors.summary}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        {select('kind', text.kinds)}
        {select('subject', text.subjects)}
        {select('channel', text.channels)}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="rr-receivedAt" className="font-bold">
          {text.receivedAt}
        </label>
        <p id="rr-receivedAt-hint" className="text-sm text-slate-700">
          {text.receivedAtHint}
        </p>
        <input
          id="rr-receivedAt"
          name="receivedAt"
          type="datetime-local"
          required
          defaultValue={state.values.receivedAt}
          aria-invalid={error('receivedAt') ? true : undefined}
          aria-describedby={described('receivedAt', 'rr-receivedAt-hint')}
          className={`${field} max-w-xs`}
        />
        {errorText('receivedAt')}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="rr-description" className="font-bold">
          {text.description}
        </label>
        <textarea
          id="rr-description"
          name="description"
          required
          maxLength={4000}
          rows={4}
          defaultValue={state.values.description}
          aria-invalid={error('description') ? true : undefined}
          aria-describedby={described('description')}
          className={field}
        />
        {errorText('description')}
      </div>
      <div>
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-bold text-white hover:bg-brand-800 disabled:opacity-70">
          {text.submit}
        </button>
      </div>
    </form>
  );
}
