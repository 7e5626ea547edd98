import { setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { StaffHeader } from '@/components/staff/StaffHeader';

// Every staff page's header: the back office's name and the language, not the public sections or the sign-up
// button. Staff pages are dynamic (their layout reads the session), so this is rendered per request with them.
export default async function StaffHeaderSlot({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  return <StaffHeader locale={locale} />;
}
