'use client';

import { useActionState } from 'react';
import type { CreateStaffState } from '@/lib/staff/form-states';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { StaffField, StaffFormAlert } from '@/components/staff/StaffField';

export interface CreateStaffText {
  heading: string;
  name: string;
  email: string;
  role: string;
  roles: Record<'admin' | 'staff' | 'privacy', string>;
  password: string;
  passwordHelp: string;
  submit: string;
  errorSummary: string;
  unavailable: string;
  /** `{email}` and `{password}` are filled in here. */
  created: string;
  generated: string;
  errors: Record<string, string>;
}

export function CreateStaffForm({
  create,
  text,
}: {
  create: (state: CreateStaffState, form: FormData) => Promise<CreateStaffState>;
  text: CreateStaffText;
}) {
  const [state, action, pending] = useActionState<CreateStaffState, FormData>(create, {
    values: { email: '', name: '', role: 'staff' },
  });
  const error = (field: string) => {
    const key = state.errors?.[field];
    return key && (text.errors[key] ?? key);
  };
  // A fresh key after each answer, so the uncontrolled fields show what the server sent back.
  const key = JSON.stringify(state.values) + (state.created?.email ?? '');
  return (
    <form action={action} noValidate className="mt-3 grid max-w-xl gap-4" key={key}>
      {(state.errors || state.unavailable) && <StaffFormAlert summary={text.errorSummary} detail={state.unavailable && text.unavailable} />}
      {state.created && (
        <div role="status" className="rounded border border-brand-600 bg-brand-50 p-3">
          <p>{text.created.replace('{email}', state.created.email)}</p>
          {state.created.password && (
            <p className="mt-1">
              {text.generated.split('{password}')[0]}
              <code className="rounded bg-white px-1 font-mono text-base" data-testid="generated-password">
                {state.created.password}
              </code>
              {text.generated.split('{password}')[1]}
            </p>
          )}
        </div>
      )}
      <StaffField id="new-name" label={text.name} error={error('name')}>
        {(control) => <input {...control} name="name" defaultValue={state.values.name} required autoComplete="off" />}
      </StaffField>
      <StaffField id="new-email" label={text.email} error={error('email')}>
        {(control) => <input {...control} name="email" type="email" defaultValue={state.values.email} required autoComplete="off" />}
      </StaffField>
      <StaffField id="new-role" label={text.role}>
        {(control) => (
          <select {...control} name="role" defaultValue={state.values.role}>
            <option value="staff">{text.roles.staff}</option>
            <option value="privacy">{text.roles.privacy}</option>
            <option value="admin">{text.roles.admin}</option>
          </select>
        )}
      </StaffField>
      <StaffField id="new-password" label={text.password} hint={text.passwordHelp} hintAfter error={error('password')}>
        {(control) => <input {...control} name="password" type="password" autoComplete="new-password" />}
      </StaffField>
      <SubmitButton pending={pending} align="justify-self-start">
        {text.submit}
      </SubmitButton>
    </form>
  );
}
