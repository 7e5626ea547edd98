import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { setRequestLocale } from 'next-intl/server';
import { routing } from '@/lib/i18n/routing';
import { LocaleDocument } from '@/components/LocaleDocument';
import '../globals.css';

// No `dynamicParams = false` here: Next applies a false of any segment to every route below it, and an opportunity's
// page (opportunities/[slug]) must render for an address published after the build. Unknown languages never get
// here (proxy.ts sends them to a language), a missing file stops at the home page's own `dynamicParams = false`,
// and anything else the layout answers with 404 below.

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

// `header` is a parallel route: the public header (@header/default.tsx) everywhere but on staff pages, which have
// their own (@header/staff/page.tsx and [...rest]/page.tsx), without the public sections and the sign-up button. Links between
// pages are plain anchors (docs/decisions/plain-links.md), so every page load picks its header afresh.
export default async function LocaleLayout({ children, header, params }: LayoutProps<'/[locale]'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return (
    <LocaleDocument locale={locale} header={header as ReactNode}>
      {children as ReactNode}
    </LocaleDocument>
  );
}
