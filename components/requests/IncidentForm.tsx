'use client';

import { useActionState } from 'react';
import type { IncidentFormState } from '@/lib/incidents/actions';

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

const field = 'rounded border border-slate-500 px-3 py-2';

/** An admin records a security incident. Works without JavaScript; what was typed comes back with its errors. */
export function IncidentForm(props: { action: (state: IncidentFormState, form: FormData) => Promise<IncidentFormState>; text: IncidentFormText; now: string }) {
  const { text } = props;
  const [state, action, pending] = useActionState<IncidentFormState, FormData>(props.action, {
    values: { summary: '', detectedAt: props.now, personalDataAffected: false },
  });
  const error = (name: string) => state.fieldErrors?.[name];
  const errorText = (name: string) =>
    error(name) ? (
      <p id={`incident-${name}-error`} className="text-sm text-red-800">
        <span className="sr-only">{text.errorPrefix} </span>
        {text.errors[error(name)!] ?? error(name)}
      </p>
    ) : null;
  return (
    <form action={action} className="mt-3 grid max-w-2xl gap-4" key={JSON.stringify(state)}>
      {(state.unavailable || (state.fieldErrors && Object.keys(state.fieldErrors).length > 0)) && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {state.unavailable ? text.unavailable : text.errorSummary}
        </p>
      )}
      <div className="flex flex-col gap-1">
        <label htmlFor="incident-summary" className="font-bold">
          {text.summary}
        </label>
        <textarea
          id="incident-summary"
          name="summary"
          required
          maxLength={4000}
          rows={4}
          defaultValue={state.values.summary}
          aria-invalid={error('summary') ? true : undefined}
          aria-describedby={error('summary') ? 'incident-summary-error' : undefined}
          className={field}
        />
        {errorText('summary')}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="incident-detectedAt" className="font-bold">
          {text.detectedAt}
        </label>
        <p id="incident-detectedAt-hint" className="text-sm text-slate-700">
          {text.detectedAtHint}
        </p>
        <input
          id="incident-detectedAt"
          name="detectedAt"
          type="datetime-local"
          required
          defaultValue={state.values.detectedAt}
          aria-invalid={error('detectedAt') ? true : undefined}
          aria-describedby={['incident-detectedAt-hint', error('detectedAt') ? 'incident-detectedAt-error' : null].filter(Boolean).join(' ')}
          className={`${field} max-w-xs`}
        />
        {errorText('detectedAt')}
      </div>
      <div className="flex items-start gap-3">
        <input id="incident-personal" name="personalDataAffected" type="checkbox" value="yes" defaultChecked={state.values.personalDataAffected} className="mt-1 h-5 w-5" />
        <label htmlFor="incident-personal">{text.personalData}</label>
      </div>
      <div>
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-bold text-white hover:bg-brand-800 disabled:opacity-70">
          {text.submit}
        </button>
      </div>
    </form>
  );
}
