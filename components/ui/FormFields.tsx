import type { ComponentProps, ReactNode } from 'react';

// The public forms' fields (sign-up, organizations): one markup for label, hint, error and control, so every form
// ties them together for screen readers the same way. No hooks and no directive: a server component renders them
// as they are, a client one (with react-hook-form's `register` spread in, ref included) as its own.

/** The ids a control is described by, or no attribute at all (an empty one would point nowhere). */
export const describedBy = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/**
 * The HTML autofocus attribute as such: React's `autoFocus` would also call focus() when the page hydrates, taking
 * the focus back from wherever the person has moved it by then; the attribute works without JavaScript.
 */
export const noScriptAutofocus = { autofocus: '' } as Record<string, string>;

/** Where a field is and what is wrong with it: its hint and error are `${id}-hint` and `${id}-error`. */
export interface FieldStatus {
  id: string;
  /** The message in the page's language, or nothing when the answer is fine (or not checked yet). */
  error?: string;
  /** Read first by screen readers ("Error:"), so the message is not taken for a hint. */
  errorPrefix: string;
}

type ControlProps<Tag extends 'input' | 'select' | 'textarea'> = FieldStatus & { label: ReactNode; hint?: ReactNode } & Omit<ComponentProps<Tag>, 'id'>;

export function FieldError({ id, error, errorPrefix }: FieldStatus) {
  return error ? (
    <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
      <span className="sr-only">{errorPrefix} </span>
      {error}
    </p>
  ) : null;
}

/** A text box (`className` adds to its look, e.g. a narrower width). */
export function TextField({ label, hint, error, errorPrefix, id, className, ...input }: ControlProps<'input'>) {
  const status = { id, error, errorPrefix };
  return (
    <Labelled status={status} label={label} hint={hint}>
      <input {...input} {...controlAttributes(status, hint, className)} />
    </Labelled>
  );
}

export function SelectField({ label, hint, error, errorPrefix, id, ...select }: ControlProps<'select'>) {
  const status = { id, error, errorPrefix };
  return (
    <Labelled status={status} label={label} hint={hint}>
      <select {...select} {...controlAttributes(status, hint, 'bg-white')} />
    </Labelled>
  );
}

export function TextAreaField({ label, hint, error, errorPrefix, id, ...textarea }: ControlProps<'textarea'>) {
  const status = { id, error, errorPrefix };
  return (
    <Labelled status={status} label={label} hint={hint}>
      <textarea {...textarea} {...controlAttributes(status, hint)} />
    </Labelled>
  );
}

/** A box to tick that says yes to one thing (age, consent), posting "yes"; `className` places the whole field. */
export function CheckboxField({ label, error, errorPrefix, id, className, ...input }: Omit<ControlProps<'input'>, 'hint'>) {
  return (
    <div className={className}>
      <div className="flex items-start gap-3">
        <input
          {...input}
          id={id}
          type="checkbox"
          value="yes"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(error && `${id}-error`)}
          className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <FieldError id={id} error={error} errorPrefix={errorPrefix} />
    </div>
  );
}

/**
 * A question answered by choosing among options: the group is described by its hint and its error, which come
 * before the options so both are read on entering it. `gap` spaces the options.
 */
export function ChoiceGroup(props: FieldStatus & { legend: ReactNode; hint: ReactNode; gap: 'gap-1' | 'gap-2' | 'gap-3'; children: ReactNode }) {
  const { id, error } = props;
  return (
    <fieldset aria-describedby={describedBy(`${id}-hint`, error && `${id}-error`)}>
      <legend>{props.legend}</legend>
      <p id={`${id}-hint`} className="mt-1 text-sm text-slate-700">
        {props.hint}
      </p>
      <FieldError id={id} error={error} errorPrefix={props.errorPrefix} />
      <div className={`mt-3 flex flex-col ${props.gap}`}>{props.children}</div>
    </fieldset>
  );
}

/** One option of a ChoiceGroup, its label after the box; `rowClass` adds to the row (e.g. a taller touch target). */
export function Choice({ id, label, rowClass, ...input }: { id: string; label: ReactNode; rowClass?: string } & Omit<ComponentProps<'input'>, 'id' | 'className'>) {
  return (
    <div className={rowClass ? `flex ${rowClass} items-center gap-3` : 'flex items-center gap-3'}>
      <input {...input} id={id} className="h-5 w-5 shrink-0 accent-brand-700" />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/**
 * The errors a form was sent with, each a link to its field. A group named by its first line (aria-labelledby
 * needs a role); with `autofocus` (sent back without JavaScript) the page puts focus on it, so a screen reader
 * says what failed.
 */
export function ErrorSummary(props: { id: string; heading: string; errors: { target: string; message: string }[]; autofocus: boolean }) {
  return (
    <div
      role="group"
      aria-labelledby={props.id}
      tabIndex={-1}
      {...(props.autofocus ? noScriptAutofocus : {})}
      className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3"
    >
      <p id={props.id} className="text-red-800">
        {props.heading}
      </p>
      <ul className="mt-2 list-disc pl-6 text-red-800">
        {props.errors.map(({ target, message }) => (
          <li key={target}>
            <a className="underline" href={`#${target}`}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A trap for robots: out of sight, out of the tab order and hidden from assistive technology. */
export function Honeypot(props: { id: string; name: string; label: string }) {
  return (
    <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
      <label htmlFor={props.id}>{props.label}</label>
      <input id={props.id} type="text" name={props.name} tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

function Labelled(props: { status: FieldStatus; label: ReactNode; hint?: ReactNode; children: ReactNode }) {
  const { id } = props.status;
  return (
    <div>
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-700">
          {props.hint}
        </p>
      ) : null}
      {props.children}
      <FieldError {...props.status} />
    </div>
  );
}

function controlAttributes({ id, error }: FieldStatus, hint: ReactNode, extraClass?: string) {
  const border = error ? 'border-red-700' : 'border-slate-500';
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(Boolean(hint) && `${id}-hint`, error && `${id}-error`),
    className: `mt-1 block w-full rounded border px-3 py-2 text-base ${border}${extraClass ? ` ${extraClass}` : ''}`,
  };
}
