import type { Locale } from '@/lib/i18n/routing';

// Colombian Spanish groups thousands from four digits (8.000); the bare `es` locale would print 8000.
const numberLocales: Record<Locale, string> = { es: 'es-CO', en: 'en-US' };

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(numberLocales[locale], { maximumFractionDigits: 1 }).format(value);
}

/** "A, B and C" / "A, B y C". */
export function formatList(locale: Locale, items: readonly string[]): string {
  return new Intl.ListFormat(numberLocales[locale], { type: 'conjunction' }).format(items);
}
