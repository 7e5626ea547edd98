'use client';

import { useActionState } from 'react';
import type { CodeState } from '@/lib/staff/form-states';
import type { CodeFormText } from './CodeForm';
import { RecoveryCodes } from './RecoveryCodes';

/** New recovery codes on request, shown once in the answer (works without JavaScript). */
export function RegenerateCodes({ action: submit, label, text }: { action: (state: CodeState) => Promise<CodeState>; label: string; text: CodeFormText }) {
  const [state, action, pending] = useActionState<CodeState>(submit, {});
  if (state.recoveryCodes) return <RecoveryCodes codes={state.recoveryCodes} title={text.recoveryTitle} intro={text.recoveryIntro} />;
  return (
    <form action={action} className="mt-2">
      {state.error && (
        <p role="alert" className="mb-2 rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {text.messages[state.error] ?? state.error}
        </p>
      )}
      <button type="submit" disabled={pending} aria-describedby="new-codes-help" className="rounded border border-slate-500 px-3 py-1 hover:border-brand-700 disabled:opacity-70">
        {label}
      </button>
    </form>
  );
}
