'use client';

import { Suspense } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { isProgramSlug } from '@/lib/programs/slugs';

interface Props {
  locale: Locale;
  target: Locale;
  label: string;
  text: string;
  title: string;
}

/**
 * The only client component on public pages: it needs the current path to link to the same page in the
 * other language. A plain link, so it works without JavaScript and the proxy remembers the choice.
 */
export function LocaleSwitcher(props: Props) {
  const pathname = usePathname() ?? `/${props.locale}`;
  const rest = pathname.replace(new RegExp(`^/${props.locale}(?=/|$)`), '');
  return (
    <nav aria-label={props.label}>
      {/* Prerendered pages have no query string to read: they show the plain link until the scripts run. */}
      <Suspense fallback={<SwitchLink {...props} href={`/${props.target}${rest}`} />}>
        <SwitchLinkKeepingProgram {...props} rest={rest} />
      </Suspense>
    </nav>
  );
}

/**
 * The form's `?program=` goes along, so the program stays ticked in the other language. No other query string
 * does: they can hold filters typed on staff pages.
 */
function SwitchLinkKeepingProgram(props: Props & { rest: string }) {
  const program = useSearchParams().get('program');
  const query = props.rest === '/talent' && program && isProgramSlug(program) ? `?program=${program}` : '';
  return <SwitchLink {...props} href={`/${props.target}${props.rest}${query}`} />;
}

function SwitchLink(props: Props & { href: string }) {
  return (
    <a
      href={props.href}
      hrefLang={props.target}
      lang={props.target}
      className="inline-flex min-h-11 items-center rounded border border-slate-300 px-3 text-sm hover:border-brand-700"
    >
      <span aria-hidden="true">{props.text}</span>
      <span className="sr-only">{props.title}</span>
    </a>
  );
}
