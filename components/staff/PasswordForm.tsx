'use client';

import { useActionState } from 'react';
import type { PasswordState } from '@/lib/staff/form-states';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { StaffField, StaffFormAlert } from '@/components/staff/StaffField';

export interface PasswordFormText {
  current?: string;
  password: string;
  confirm: string;
  help: string;
  submit: string;
  errorSummary: string;
  messages: Record<string, string>;
}

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
  const id = (field: string) => `${idPrefix}-${field}`;
  const error = (field: string) => {
    const key = state.errors?.[field];
    return key && (text.messages[key] ?? key);
  };
  return (
    <form action={action} noValidate className="mt-4 grid max-w-md gap-4" key={JSON.stringify(state)}>
      {state.errors && <StaffFormAlert summary={text.errorSummary} detail={error('form')} />}
      {state.done && (
        <p role="status" className="rounded border border-brand-600 bg-brand-50 p-3">
          {state.done.message}
        </p>
      )}
      {text.current && (
        <StaffField id={id('current')} label={text.current} error={error('current')}>
          {(control) => <input {...control} name="current" type="password" autoComplete="current-password" required />}
        </StaffField>
      )}
      <StaffField id={id('password')} label={text.password} hint={text.help} hintAfter error={error('password')}>
        {(control) => <input {...control} name="password" type="password" autoComplete="new-password" required />}
      </StaffField>
      <StaffField id={id('confirm')} label={text.confirm} error={error('confirm')}>
        {(control) => <input {...control} name="confirm" type="password" autoComplete="new-password" required />}
      </StaffField>
      <SubmitButton pending={pending} align="justify-self-start">
        {text.submit}
      </SubmitButton>
    </form>
  );
}
