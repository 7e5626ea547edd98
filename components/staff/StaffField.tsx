import type { ReactNode } from 'react';

/** What a staff form's control needs to be named, described and marked invalid. */
export interface StaffControl {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  className: string;
}

/**
 * One field of a staff form: label, hint, the control, and its error, tied together for screen readers (the hint
 * and error are `${id}-hint` and `${id}-error`). The control is the caller's (`children` spreads `control` onto
 * it), so any input, select or textarea fits. `hintAfter` puts the hint under the control, where the account
 * forms have it; `errorPrefix` ("Error:") is read before the message where the form has one; `className` adds to
 * the control's look (e.g. a narrower width).
 */
export function StaffField(props: {
  id: string;
  label: ReactNode;
  boldLabel?: boolean;
  hint?: ReactNode;
  hintAfter?: boolean;
  error?: string;
  errorPrefix?: string;
  className?: string;
  children: (control: StaffControl) => ReactNode;
}) {
  const { id, hint, error } = props;
  const hintText = hint ? (
    <p id={`${id}-hint`} className="text-sm text-slate-700">
      {hint}
    </p>
  ) : null;
  const control: StaffControl = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined,
    className: props.className ? `${input} ${props.className}` : input,
  };
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={props.boldLabel ? 'font-bold' : undefined}>
        {props.label}
      </label>
      {props.hintAfter ? null : hintText}
      {props.children(control)}
      {props.hintAfter ? hintText : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {props.errorPrefix ? <span className="sr-only">{props.errorPrefix} </span> : null}
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Why a staff form was not saved: a bold summary, and what went wrong beyond the fields, if anything. */
export function StaffFormAlert(props: { summary: string; detail?: string | false }) {
  return (
    <div role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
      <p className="font-bold">{props.summary}</p>
      {props.detail && <p>{props.detail}</p>}
    </div>
  );
}

const input = 'rounded border border-slate-500 px-3 py-2';
