'use client';

import { useActionState } from 'react';
import type { CreateStaffState } from '@/lib/staff/form-states';
import { SubmitButton } from '@/components/ui/SubmitButton';

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

const input = 'rounded border border-slate-500 px-3 py-2';

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
  const error = (field: string) => state.errors?.[field];
  const described = (field: string) => (error(field) ? `new-${field}-error` : undefined);
  const errorText = (field: string) =>
    error(field) ? (
      <p id={`new-${field}-error`} className="text-sm text-red-800">
        {text.errors[error(field)!] ?? error(field)}
      </p>
    ) : null;
  // A fresh key after each answer, so the uncontrolled fields show what the server sent back.
  const key = JSON.stringify(state.values) + (state.created?.email ?? '');
  return (
    <form action={action} noValidate className="mt-3 grid max-w-xl gap-4" key={key}>
      {(state.errors || state.unavailable) && (
        <div role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          <p className="font-bold">{text.errorSummary}</p>
          {state.unavailable && <p>{text.unavailable}</p>}
        </div>
      )}
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
      <div className="flex flex-col gap-1">
        <label htmlFor="new-name">{text.name}</label>
        <input id="new-name" name="name" defaultValue={state.values.name} required autoComplete="off" aria-invalid={error('name') ? true : undefined} aria-describedby={described('name')} className={input} />
        {errorText('name')}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="new-email">{text.email}</label>
        <input id="new-email" name="email" type="email" defaultValue={state.values.email} required autoComplete="off" aria-invalid={error('email') ? true : undefined} aria-describedby={described('email')} className={input} />
        {errorText('email')}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="new-role">{text.role}</label>
        <select id="new-role" name="role" defaultValue={state.values.role} className={input}>
          <option value="staff">{text.roles.staff}</option>
          <option value="privacy">{text.roles.privacy}</option>
          <option value="admin">{text.roles.admin}</option>
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="new-password">{text.password}</label>
        <input
          id="new-password"
          name="password"
          type="password"
          autoComplete="new-password"
          aria-invalid={error('password') ? true : undefined}
          aria-describedby={['new-password-help', described('password')].filter(Boolean).join(' ')}
          className={input}
        />
        <p id="new-password-help" className="text-sm text-slate-700">
          {text.passwordHelp}
        </p>
        {errorText('password')}
      </div>
      <SubmitButton pending={pending} align="justify-self-start">
        {text.submit}
      </SubmitButton>
    </form>
  );
}
