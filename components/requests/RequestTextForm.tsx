'use client';

import { useActionState } from 'react';
import type { RequestTextState } from '@/lib/requests/form-states';

export interface RequestTextFormText {
  label: string;
  hint?: string;
  submit: string;
  errorPrefix: string;
  errors: Record<string, string>;
}

/**
 * One text field and a button (a reason, what is missing, an answer). Works without JavaScript: the server action
 * answers with the same page, what was typed kept, and its error.
 */
export function RequestTextForm(props: {
  id: string;
  name: string;
  action: (state: RequestTextState, form: FormData) => Promise<RequestTextState>;
  text: RequestTextFormText;
  danger?: boolean;
}) {
  const [state, action, pending] = useActionState<RequestTextState, FormData>(props.action, { value: '' });
  const errorId = `${props.id}-error`;
  const hintId = `${props.id}-hint`;
  const describedBy = [props.text.hint ? hintId : null, state.error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <form action={action} className="mt-3 flex max-w-2xl flex-col gap-2" key={state.value + (state.error ?? '')}>
      <label htmlFor={props.id} className="font-bold">
        {props.text.label}
      </label>
      {props.text.hint && (
        <p id={hintId} className="text-sm text-slate-700">
          {props.text.hint}
        </p>
      )}
      <textarea
        id={props.id}
        name={props.name}
        required
        maxLength={4000}
        rows={4}
        defaultValue={state.value}
        aria-invalid={state.error ? true : undefined}
        aria-describedby={describedBy}
        className="rounded border border-slate-500 px-3 py-2"
      />
      {state.error && (
        <p id={errorId} role="alert" className="text-sm text-red-800">
          <span className="sr-only">{props.text.errorPrefix} </span>
          {props.text.errors[state.error] ?? state.error}
        </p>
      )}
      <div>
        <button
          type="submit"
          disabled={pending}
          className={`rounded px-4 py-2 font-bold text-white disabled:opacity-70 ${props.danger ? 'bg-red-800 hover:bg-red-900' : 'bg-brand-700 hover:bg-brand-800'}`}
        >
          {props.text.submit}
        </button>
      </div>
    </form>
  );
}
