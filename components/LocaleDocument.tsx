import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/routing';
import { SiteHeader } from './SiteHeader';
import { SiteFooter } from './SiteFooter';

export const bodyClassName = 'flex min-h-screen flex-col bg-white font-sans text-ink antialiased';

/**
 * Header, main landmark and footer of a page in one language. The header is the public site's unless the route
 * gives another (the staff pages' own, through the layout's `@header` slot).
 */
export function PageFrame({ locale, header, children }: { locale: Locale; header?: ReactNode; children: ReactNode }) {
  return (
    <>
      {header ?? <SiteHeader locale={locale} />}
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        {children}
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}

/** The whole HTML document in one language. */
export function LocaleDocument({ locale, header, children }: { locale: Locale; header?: ReactNode; children: ReactNode }) {
  return (
    <html lang={locale}>
      <body className={bodyClassName}>
        <PageFrame locale={locale} header={header}>
          {children}
        </PageFrame>
      </body>
    </html>
  );
}
