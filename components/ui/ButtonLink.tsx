import type { ReactNode } from 'react';

const variants = {
  /** The main call to action: dark text on the accent colour. */
  primary: 'bg-accent-500 text-ink hover:bg-[#ffc433] shadow-sm',
  /** On a dark background. */
  inverse: 'border-2 border-white text-white hover:bg-white hover:text-brand-800',
  /** On a light background. */
  solid: 'bg-brand-700 text-white hover:bg-brand-800 shadow-sm',
  outline: 'border-2 border-brand-700 text-brand-700 hover:bg-brand-50',
} as const;

/** A link that looks like a button: every call to action on the site is a plain link (no client JS). */
export function ButtonLink(props: {
  href: string;
  children: ReactNode;
  variant?: keyof typeof variants;
  className?: string;
}) {
  const { href, children, variant = 'solid', className = '' } = props;
  return (
    <a
      href={href}
      className={`inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-5 py-2.5 text-center text-base font-bold transition-colors ${variants[variant]} ${className}`}
    >
      {children}
    </a>
  );
}
