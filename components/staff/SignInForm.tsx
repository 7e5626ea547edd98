'use client';

import { useActionState, type InputHTMLAttributes } from 'react';
import type { SignInState } from '@/lib/staff/form-states';
import { SubmitButton } from '@/components/ui/SubmitButton';

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
      <SignInField
        name="email"
        label={text.email}
        error={emailError && text.messages[emailError]}
        type="email"
        autoComplete="username"
        defaultValue={state.values.email}
        // A new key after each answer: React resets uncontrolled fields after an action, this keeps the email.
        key={`email-${state.values.email}`}
      />
      <SignInField name="password" label={text.password} error={passwordError && text.messages[passwordError]} type="password" autoComplete="current-password" />
      <SubmitButton pending={pending}>
        {text.submit}
      </SubmitButton>
    </form>
  );
}

/** A labelled input with its error, described by it for screen readers. */
function SignInField({ name, label, error, ...input }: { name: string; label: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = `staff-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        id={id}
        name={name}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="rounded border border-slate-500 px-3 py-2"
      />
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
