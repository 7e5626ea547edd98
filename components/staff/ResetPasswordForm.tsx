'use client';

import { useActionState } from 'react';
import type { ResetPasswordState } from '@/lib/staff/form-states';

/** An admin gives a member a new, generated password, shown once here (works without JavaScript). */
export function ResetPasswordForm({
  action: submit,
  text,
}: {
  action: (state: ResetPasswordState) => Promise<ResetPasswordState>;
  text: { submit: string; help: string; generated: string; errors: Record<string, string> };
}) {
  const [state, action, pending] = useActionState<ResetPasswordState>(submit, {});
  return (
    <form action={action} className="mt-3 grid max-w-xl gap-3">
      <p id="reset-password-help" className="text-sm text-slate-700">
        {text.help}
      </p>
      {state.error && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {text.errors[state.error] ?? state.error}
        </p>
      )}
      {state.generated && (
        <p role="status" className="rounded border border-brand-600 bg-brand-50 p-3">
          {text.generated.replace('{email}', state.generated.email)}{' '}
          <code className="rounded bg-white px-1 font-mono text-base" data-testid="reset-password">
            {state.generated.password}
          </code>
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        aria-describedby="reset-password-help"
        className="justify-self-start rounded border border-slate-500 px-3 py-1 hover:border-brand-700 disabled:opacity-70"
      >
        {text.submit}
      </button>
    </form>
  );
}
