import type { ReactNode } from 'react';

/**
 * A link to another site: https only (tests/unit/facts.test.ts checks every address in the data), no window
 * handle for the other site, and its language named when it differs from the page's.
 */
export function ExternalLink(props: { href: string; hrefLang?: string; className?: string; children: ReactNode }) {
  return (
    <a
      href={props.href}
      hrefLang={props.hrefLang}
      rel="noopener external"
      className={props.className ?? 'inline-flex min-h-11 items-center gap-1 text-brand-700 underline underline-offset-4 hover:text-brand-800'}
    >
      {props.children}
      <svg aria-hidden="true" viewBox="0 0 16 16" className="ml-1 inline-block size-4 shrink-0 align-[-0.125em]">
        <path d="M6 3h7v7M13 3 5 11M3 6v7h7" fill="none" stroke="currentColor" strokeWidth="1.6" />
      </svg>
    </a>
  );
}
