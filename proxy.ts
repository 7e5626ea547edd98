import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { routing, type Locale } from './lib/i18n/routing';
import { isKnownLocalizedPath } from './lib/routes';
import { isStaffPath, staffGate } from './lib/staff/gate';
import { requestIdFor, requestIdHeader } from './lib/request-id';

const handleI18n = createMiddleware(routing);

export default function proxy(request: NextRequest) {
  // On the request (next-intl forwards the request's headers) for the logs, and on the response for people.
  const requestId = requestIdFor(request.headers);
  request.headers.set(requestIdHeader, requestId);
  const response = route(request);
  response.headers.set(requestIdHeader, requestId);
  return response;
}

function route(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const locale = localeOf(pathname);
  if (locale && !isKnownLocalizedPath(pathname.slice(locale.length + 1))) {
    return notFound(request, locale);
  }
  const rest = locale ? pathname.slice(locale.length + 1) : '';
  const gate = locale ? staffGate(request, locale, rest) : null;
  if (gate) return gate;
  const response = handleI18n(request);
  if (locale) rememberLocale(request, response, locale);
  if (locale && isStaffPath(rest)) response.headers.set('Cache-Control', 'no-store');
  return response;
}

function localeOf(pathname: string): Locale | undefined {
  const segment = pathname.split('/')[1];
  return routing.locales.find((candidate) => candidate === segment);
}

/** The localized 404 page, with status 404, at the URL that was asked for. */
function notFound(request: NextRequest, locale: Locale) {
  // A clone of nextUrl keeps the rewrite internal whatever host name the server was reached by.
  const target = request.nextUrl.clone();
  target.pathname = `/${locale}/not-found`;
  target.search = '';
  const response = NextResponse.rewrite(target, { status: 404 });
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

/**
 * next-intl only updates an existing cookie; the language switcher is a plain link (no client JS),
 * so remember the language of every page a person opens, and `/` sends them back to it.
 */
function rememberLocale(request: NextRequest, response: NextResponse, locale: Locale) {
  const dest = request.headers.get('sec-fetch-dest');
  if ((dest && dest !== 'document') || response.status >= 300) return;
  if (request.cookies.get('NEXT_LOCALE')?.value === locale) return;
  response.cookies.set('NEXT_LOCALE', locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
}

export const config = {
  // Everything but API routes, Next's own assets and files with an extension (favicon, robots.txt, sitemap.xml).
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
