import { NextIntlClientProvider } from 'next-intl';
import { getMessages, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { currentViewer } from '@/lib/staff/session';
import { StaffNav } from '@/components/staff/StaffNav';

// Every staff page reads the session cookie and personal data: never prerendered, never cached.
export const dynamic = 'force-dynamic';

export default async function StaffLayout({ children, params }: LayoutProps<'/[locale]/staff'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const viewer = await currentViewer().catch((error) => {
    // The page below fails the same way and its error boundary explains it.
    if (isDatabaseUnavailable(error)) return null;
    throw error;
  });
  const messages = await getMessages({ locale });
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      {viewer && <StaffNav locale={locale} name={viewer.name} role={viewer.role} />}
      {/* Only the error boundary is a client component here; it gets only its own strings. */}
      <NextIntlClientProvider locale={locale} messages={{ StaffError: messages.StaffError }}>
        {children}
      </NextIntlClientProvider>
    </div>
  );
}
