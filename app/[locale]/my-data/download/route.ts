// The candidate's copy of their data, as an attachment (a server action cannot answer with a file). A POST from
// their own page (`intent=download`, `format=json|html`), with their My data session; audited.
import { hasLocale } from 'next-intl';
import { routing } from '@/lib/i18n/routing';
import { isSameOrigin } from '@/lib/security/form-post';
import { candidateFromRequest } from '@/lib/my-data/session';
import { myData } from '@/lib/my-data/data';
import { myDataFile } from '@/lib/my-data/document';
import { recordDownload } from '@/lib/my-data/rights';

export async function POST(request: Request, context: RouteContext<'/[locale]/my-data/download'>) {
  const { locale } = await context.params;
  if (!hasLocale(routing.locales, locale)) return new Response(null, { status: 404 });
  if (!isSameOrigin(request.headers)) return new Response('Forbidden', { status: 403 });
  const link = await candidateFromRequest(request);
  const back = new Response(null, { status: 303, headers: { Location: `/${locale}/my-data/view`, 'Cache-Control': 'no-store' } });
  if (!link) return back;
  const form = await request.formData().catch(() => null);
  const format = form?.get('format') === 'html' ? 'html' : 'json';
  const data = await myData(link);
  if (!data) return back;
  await recordDownload(link, format);
  const file = myDataFile(data, locale, format);
  return new Response(file.body, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': 'no-store',
      'X-Robots-Tag': 'noindex',
    },
  });
}

export async function GET(_request: Request, context: RouteContext<'/[locale]/my-data/download'>) {
  const { locale } = await context.params;
  return new Response(null, { status: 303, headers: { Location: `/${hasLocale(routing.locales, locale) ? locale : routing.defaultLocale}/my-data/view` } });
}
