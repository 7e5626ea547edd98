import { hasLocale } from 'next-intl';
import { routing } from '@/lib/i18n/routing';
import { handleOneClickUnsubscribe } from '@/lib/opportunities/one-click';

// List-Unsubscribe's target (RFC 8058): the mail program POSTs `List-Unsubscribe=One-Click` here and the consent
// is withdrawn with no further step. A GET (a person opening the address) only goes to the page with the button.
export async function POST(request: Request, { params }: RouteContext<'/[locale]/unsubscribe/one-click'>) {
  const { locale } = await params;
  return handleOneClickUnsubscribe(request, hasLocale(routing.locales, locale) ? locale : routing.defaultLocale);
}

export async function GET(request: Request, { params }: RouteContext<'/[locale]/unsubscribe/one-click'>) {
  const { locale } = await params;
  const lang = hasLocale(routing.locales, locale) ? locale : routing.defaultLocale;
  const token = new URL(request.url).searchParams.get('token') ?? '';
  return new Response(null, {
    status: 303,
    headers: { Location: `/${lang}/unsubscribe?${new URLSearchParams({ token: token.slice(0, 64) })}`, 'Cache-Control': 'no-store' },
  });
}
