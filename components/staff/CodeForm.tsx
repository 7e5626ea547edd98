'use client';

import { useActionState } from 'react';
import type { CodeState } from '@/lib/staff/form-states';
import { RecoveryCodes } from './RecoveryCodes';
import { SubmitButton } from '@/components/ui/SubmitButton';

export interface CodeFormText {
  label: string;
  submit: string;
  errorSummary: string;
  /** Messages for the error keys. */
  messages: Record<string, string>;
  recoveryTitle: string;
  recoveryIntro: string;
  continue: string;
  /** Shown instead of the codes when the page is loaded again after they were shown (they are shown only once). */
  alreadyShown?: string;
}

/**
 * One code: a TOTP code at sign-in, the first one when setting it up. A plain form posting to a server action, so it
 * works without JavaScript. When the answer carries recovery codes (setting up), they are shown once, with a link on.
 */
export function CodeForm({
  action: submit,
  text,
  id,
  acknowledge,
  codesShown,
}: {
  action: (state: CodeState, form: FormData) => Promise<CodeState>;
  text: CodeFormText;
  id: string;
  /** At sign-in: the form that says the recovery codes were kept, and goes on. */
  acknowledge?: () => Promise<void>;
  /** The codes were already shown (this is the page loaded again): only the way on. */
  codesShown?: boolean;
}) {
  const [state, action, pending] = useActionState<CodeState, FormData>(submit, {});
  const goOn = acknowledge ? (
    <form action={acknowledge} className="mt-4">
      <button type="submit" className="rounded bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800">
        {text.continue}
      </button>
    </form>
  ) : state.continueTo ? (
    <a href={state.continueTo} className="mt-4 inline-block rounded bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800">
      {text.continue}
    </a>
  ) : null;
  if (state.recoveryCodes) {
    return (
      <RecoveryCodes codes={state.recoveryCodes} title={text.recoveryTitle} intro={text.recoveryIntro}>
        {goOn}
      </RecoveryCodes>
    );
  }
  if (codesShown) {
    return (
      <div className="mt-4">
        <p>{text.alreadyShown}</p>
        {goOn}
      </div>
    );
  }
  const error = state.error;
  return (
    <form action={action} noValidate className="mt-4 flex max-w-sm flex-col gap-4">
      {error && (
        <div role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          <p className="font-bold">{text.errorSummary}</p>
          <p id={`${id}-error`}>{text.messages[error] ?? error}</p>
        </div>
      )}
      <div className="flex flex-col gap-1">
        <label htmlFor={id}>{text.label}</label>
        <input
          id={id}
          name="code"
          type="text"
          inputMode="text"
          autoComplete="one-time-code"
          autoCapitalize="off"
          spellCheck={false}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="rounded border border-slate-500 px-3 py-2 font-mono text-lg tracking-wider"
        />
      </div>
      <SubmitButton pending={pending}>
        {text.submit}
      </SubmitButton>
    </form>
  );
}
