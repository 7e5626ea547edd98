import { setRequestLocale } from 'next-intl/server';
import { NotFoundContent } from '@/components/NotFoundContent';
import { routing, type Locale } from '@/lib/i18n/routing';

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export default async function NotFoundPage({ params }: PageProps<'/[locale]/not-found'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  return <NotFoundContent locale={locale} />;
}
