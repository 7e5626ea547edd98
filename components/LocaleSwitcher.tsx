'use client';

import { usePathname } from 'next/navigation';
import type { Locale } from '@/lib/i18n/routing';

/**
 * The only client component on public pages: it needs the current path to link to the same page in the
 * other language. A plain link, so it works without JavaScript and the proxy remembers the choice.
 * Query strings are dropped on purpose: they can hold filters typed on staff pages.
 */
export function LocaleSwitcher(props: { locale: Locale; target: Locale; label: string; text: string; title: string }) {
  const pathname = usePathname() ?? `/${props.locale}`;
  const rest = pathname.replace(new RegExp(`^/${props.locale}(?=/|$)`), '');
  return (
    <nav aria-label={props.label}>
      <a
        href={`/${props.target}${rest}`}
        hrefLang={props.target}
        lang={props.target}
        className="inline-flex min-h-11 items-center rounded border border-slate-300 px-3 text-sm hover:border-brand-700"
      >
        <span aria-hidden="true">{props.text}</span>
        <span className="sr-only">{props.title}</span>
      </a>
    </nav>
  );
}
