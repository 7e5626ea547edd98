import { setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { SiteHeader } from '@/components/SiteHeader';

// The public site's header, for every page that is not a staff page.
export default async function PublicHeader({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  return <SiteHeader locale={locale} />;
}
