import { hasLocale } from 'next-intl';
import { routing } from '@/lib/i18n/routing';
import { publishedTalentPool } from '@/lib/talent-pool/data';
import { talentPoolCsv } from '@/lib/talent-pool/labels';

// The talent-pool page's figures as CSV, static and regenerated with the page (same data cache entry, same period).
export const dynamic = 'force-static';

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/talent-pool/aggregates.csv'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response(null, { status: 404 });
  const csv = await talentPoolCsv(locale, await publishedTalentPool());
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="talent-pool-${locale}.csv"`,
    },
  });
}
