import { getLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { Forbidden } from '@/components/staff/Forbidden';

// What a staff page answers, with HTTP 403, to a role that may not see it (lib/staff/page.ts requirePermission and
// staffData call Next's forbidden()). It renders inside the staff layout, so the staff header stays. The title comes
// from the page's metadata (staffPageTitle).
export default async function StaffForbidden() {
  const locale = (await getLocale()) as Locale;
  return <Forbidden locale={locale} />;
}
