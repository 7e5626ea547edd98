'use client';

import { useActionState } from 'react';
import type { SignInState } from '@/lib/staff/form-states';

export interface SignInFormText {
  email: string;
  password: string;
  submit: string;
  errorSummary: string;
  /** Messages for `SignInState.error` and the field error keys. */
  messages: Record<string, string>;
}

/** A plain form posting to a server action: it works without JavaScript, and keeps the email on error. */
/** `signIn` is the server action bound on the server (bound arguments survive a submission without JS). */
export function SignInForm({ signIn, text }: { signIn: (state: SignInState, form: FormData) => Promise<SignInState>; text: SignInFormText }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, {
    values: { email: '' },
  });
  const emailError = state.fieldErrors?.email;
  const passwordError = state.fieldErrors?.password;
  return (
    <form action={action} noValidate className="mt-6 flex max-w-sm flex-col gap-4">
      {state.error && (
        <div role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          <p className="font-bold">{text.errorSummary}</p>
          <p>{text.messages[state.error]}</p>
        </div>
      )}
      <div className="flex flex-col gap-1">
        <label htmlFor="staff-email">
          {text.email}
        </label>
        <input
          id="staff-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.values.email}
          key={`email-${state.values.email}`}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? 'staff-email-error' : undefined}
          className="rounded border border-slate-500 px-3 py-2"
        />
        {emailError && (
          <p id="staff-email-error" className="text-sm text-red-800">
            {text.messages[emailError]}
          </p>
        )}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="staff-password">
          {text.password}
        </label>
        <input
          id="staff-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? 'staff-password-error' : undefined}
          className="rounded border border-slate-500 px-3 py-2"
        />
        {passwordError && (
          <p id="staff-password-error" className="text-sm text-red-800">
            {text.messages[passwordError]}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="self-start rounded bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800 disabled:opacity-70"
      >
        {text.submit}
      </button>
    </form>
  );
}
