import type { ReactNode } from 'react';
import { StaffField } from '@/components/staff/StaffField';

/**
 * The frame of an entry in one of the registers (a request, an incident): what went wrong on top, the fields, the
 * button. It posts to a server action, so it works without JavaScript; `stateKey` changes with each answer, which
 * remounts the uncontrolled fields so they show what the server sent back.
 */
export function RegisterForm(props: { action: (form: FormData) => void; stateKey: string; alert?: string | false; pending: boolean; submit: string; children: ReactNode }) {
  return (
    <form action={props.action} className="mt-3 grid max-w-2xl gap-4" key={props.stateKey}>
      {props.alert && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {props.alert}
        </p>
      )}
      {props.children}
      <div>
        <button type="submit" disabled={props.pending} className="rounded bg-brand-700 px-4 py-2 font-bold text-white hover:bg-brand-800 disabled:opacity-70">
          {props.submit}
        </button>
      </div>
    </form>
  );
}

/** When something happened (received, detected), in local date and time, its hint above the box. */
export function MomentField(props: { id: string; name: string; label: string; hint: string; error?: string; errorPrefix: string; defaultValue: string }) {
  return (
    <StaffField id={props.id} label={props.label} boldLabel hint={props.hint} error={props.error} errorPrefix={props.errorPrefix} className="max-w-xs">
      {(control) => <input {...control} name={props.name} type="datetime-local" required defaultValue={props.defaultValue} />}
    </StaffField>
  );
}
