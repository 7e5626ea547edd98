import type { ButtonHTMLAttributes } from 'react';

/**
 * A form's main button. `pending` (from useActionState) disables it while the action runs, so a double click sends
 * the form once; `align` places it in a flex or a grid form.
 */
export function SubmitButton({ pending, align = 'self-start', children, ...button }: { pending?: boolean; align?: 'self-start' | 'justify-self-start' } & ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type="submit" disabled={pending} className={`${align} rounded bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800 disabled:opacity-70`} {...button}>
      {children}
    </button>
  );
}
