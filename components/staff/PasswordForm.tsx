'use client';

import { useActionState } from 'react';
import type { PasswordState } from '@/lib/staff/form-states';
import { SubmitButton } from '@/components/ui/SubmitButton';

export interface PasswordFormText {
  current?: string;
  password: string;
  confirm: string;
  help: string;
  submit: string;
  errorSummary: string;
  messages: Record<string, string>;
}

const input = 'rounded border border-slate-500 px-3 py-2';

/**
 * A new password, twice, and the current one when changing one's own. Works without JavaScript; nothing typed is
 * sent back (passwords are never put back into a page).
 */
export function PasswordForm({
  action: submit,
  text,
  idPrefix,
}: {
  action: (state: PasswordState, form: FormData) => Promise<PasswordState>;
  text: PasswordFormText;
  idPrefix: string;
}) {
  const [state, action, pending] = useActionState<PasswordState, FormData>(submit, {});
  const error = (field: string) => state.errors?.[field];
  const id = (field: string) => `${idPrefix}-${field}`;
  const described = (field: string, extra?: string) => [extra, error(field) ? `${id(field)}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const errorText = (field: string) =>
    error(field) ? (
      <p id={`${id(field)}-error`} className="text-sm text-red-800">
        {text.messages[error(field)!] ?? error(field)}
      </p>
    ) : null;
  return (
    <form action={action} noValidate className="mt-4 grid max-w-md gap-4" key={JSON.stringify(state)}>
      {state.errors && (
        <div role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          <p className="font-bold">{text.errorSummary}</p>
          {state.errors.form && <p>{text.messages[state.errors.form] ?? state.errors.form}</p>}
        </div>
      )}
      {state.done && (
        <p role="status" className="rounded border border-brand-600 bg-brand-50 p-3">
          {state.done.message}
        </p>
      )}
      {text.current && (
        <div className="flex flex-col gap-1">
          <label htmlFor={id('current')}>{text.current}</label>
          <input id={id('current')} name="current" type="password" autoComplete="current-password" required aria-invalid={error('current') ? true : undefined} aria-describedby={described('current')} className={input} />
          {errorText('current')}
        </div>
      )}
      <div className="flex flex-col gap-1">
        <label htmlFor={id('password')}>{text.password}</label>
        <input
          id={id('password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={error('password') ? true : undefined}
          aria-describedby={described('password', `${id('password')}-help`)}
          className={input}
        />
        <p id={`${id('password')}-help`} className="text-sm text-slate-700">
          {text.help}
        </p>
        {errorText('password')}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={id('confirm')}>{text.confirm}</label>
        <input id={id('confirm')} name="confirm" type="password" autoComplete="new-password" required aria-invalid={error('confirm') ? true : undefined} aria-describedby={described('confirm')} className={input} />
        {errorText('confirm')}
      </div>
      <SubmitButton pending={pending} align="justify-self-start">
        {text.submit}
      </SubmitButton>
    </form>
  );
}
