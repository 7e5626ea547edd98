import type { Locale } from '@/lib/i18n/routing';

// Colombian Spanish groups thousands from four digits (8.000); the bare `es` locale would print 8000.
const numberLocales: Record<Locale, string> = { es: 'es-CO', en: 'en-US' };

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(numberLocales[locale], { maximumFractionDigits: 1 }).format(value);
}
