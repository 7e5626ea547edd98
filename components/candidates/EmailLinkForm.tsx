'use client';

import { useActionState } from 'react';
import type { LinkFormState } from '@/lib/candidates/link-form';
import { SubmitButton } from '@/components/ui/SubmitButton';

export interface EmailLinkFormText {
  email: string;
  emailHint: string;
  submit: string;
  errorSummary: string;
  /** Messages for the form's status and for the email error keys. */
  messages: Record<string, string>;
}

/**
 * One field, `email`, posting to a server action bound on the server: it works without JavaScript, keeps what was
 * typed on error, and on success the action redirects to a page that says the same for every address.
 */
export function EmailLinkForm({
  action: serverAction,
  text,
  idPrefix,
  permalink,
}: {
  action: (state: LinkFormState, form: FormData) => Promise<LinkFormState>;
  text: EmailLinkFormText;
  idPrefix: string;
  /** The page that shows this form: where a post made before the scripts run goes (the form's `action`). */
  permalink: string;
}) {
  const [state, action, pending] = useActionState<LinkFormState, FormData>(serverAction, { status: 'idle', email: '' }, permalink);
  const problem = state.status === 'idle' ? null : state.status === 'invalid' ? (state.error ?? 'email.invalid') : state.status;
  const fieldError = state.status === 'invalid';
  return (
    <form action={action} noValidate className="mt-6 flex max-w-md flex-col gap-4">
      {problem && (
        <div role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          <p className="font-bold">{text.errorSummary}</p>
          <p>{text.messages[problem]}</p>
        </div>
      )}
      <div className="flex flex-col gap-1">
        <label htmlFor={`${idPrefix}-email`} className="font-bold">
          {text.email}
        </label>
        <p id={`${idPrefix}-email-hint`} className="text-sm text-slate-700">
          {text.emailHint}
        </p>
        <input
          id={`${idPrefix}-email`}
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.email}
          key={`email-${state.email}-${state.status}`}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={`${idPrefix}-email-hint${fieldError ? ` ${idPrefix}-email-error` : ''}`}
          className="rounded border border-slate-500 px-3 py-2"
        />
        {fieldError && (
          <p id={`${idPrefix}-email-error`} className="text-sm text-red-800">
            {text.messages[state.error ?? 'email.invalid']}
          </p>
        )}
      </div>
      <SubmitButton pending={pending}>
        {text.submit}
      </SubmitButton>
    </form>
  );
}
