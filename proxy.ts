import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { routing, type Locale } from './lib/i18n/routing';
import { isKnownLocalizedPath } from './lib/routes';
import { isStaffPath, staffGate } from './lib/staff/gate';
import { requestIdFor, requestIdHeader } from './lib/request-id';
import { newNonce, pageCsp, revalidatedPageCsp } from './lib/security/csp';
import { liveScriptHashesFor, pagesChangedAt, scriptHashesFor } from './lib/security/script-hashes';
import { finderRewriteTarget } from './lib/finder/answers';
import { opportunitiesRewriteTarget } from './lib/opportunities/filters';
import { isRevalidatedPage } from './lib/public-pages';
import { formStateHeader } from './lib/candidates/form-state-header';
import { thanksCookieName, verifyThanksCookie } from './lib/candidates/thanks-cookie';
import { organizationStateHeader } from './lib/organizations/state-header';

const handleI18n = createMiddleware(routing);

export default async function proxy(request: NextRequest) {
  // On the request (next-intl forwards the request's headers) for the logs, and on the response for people.
  const requestId = requestIdFor(request.headers);
  request.headers.set(requestIdHeader, requestId);
  const response = await route(request, requestId);
  response.headers.set(requestIdHeader, requestId);
  return response;
}

async function route(request: NextRequest, requestId: string): Promise<Response> {
  const { pathname } = request.nextUrl;
  // A file (robots.txt, icon.svg) or, when it does not exist, Next's root 404 page, whose scripts these allow.
  if (isFile(pathname)) return withCsp(NextResponse.next(), pageCsp(scriptHashesFor('/_not-found') ?? []));
  const locale = localeOf(pathname);
  if (locale && !isKnownLocalizedPath(pathname.slice(locale.length + 1))) {
    return withCsp(notFound(request, locale), pageCsp(scriptHashesFor(`/${locale}/not-found`) ?? []));
  }
  const rest = locale ? pathname.slice(locale.length + 1) : '';
  // Next takes a page's nonce from this request header, and the no-JS form page its state from the other: only
  // ever from this proxy, never from the client.
  request.headers.delete('Content-Security-Policy');
  request.headers.delete(formStateHeader);
  request.headers.delete(organizationStateHeader);
  // A server action posted at talent/submit (the form came back from there) goes on to the form's page
  // (next.config.ts rewrites it): its answer is not a page, so no CSP.
  const serverAction = request.headers.has('next-action');
  if (locale && rest === '/talent/submit' && serverAction) return handleI18n(request);

  // The thanks page, only right after a sign-up (its cookie), served from the prerendered page for the level given;
  // anyone else goes to the form.
  let thanksTarget: string | null = null;
  if (locale && rest === '/talent/thanks') {
    const level = verifyThanksCookie(request.cookies.get(thanksCookieName)?.value);
    if (!level) {
      const response = NextResponse.redirect(new URL(`/${locale}/talent`, request.nextUrl), 303);
      response.headers.set('Cache-Control', 'no-store');
      return withCsp(response, pageCsp([]));
    }
    thanksTarget = `/${locale}/talent/thanks/${level}`;
  }
  // The finder's and the opportunity list's GET forms: each answer is a prerendered page of its own, served at the
  // form's address.
  const params = request.nextUrl.searchParams;
  const target =
    thanksTarget ?? (locale ? (finderRewriteTarget(locale, rest, params) ?? opportunitiesRewriteTarget(locale, rest, params)) : null);
  const page = target ?? pathname.replace(/(.)\/$/, '$1');
  let csp: string;
  let renders = false;
  if (locale && isRevalidatedPage(page.slice(locale.length + 1))) {
    // Static, but made again while running: the hashes of the HTML Next keeps now. When there is none yet, or a staff
    // change expired it since, this request is the one that renders the page: a nonce too, which Next puts on its
    // scripts (and that answer is not cached by nginx, so no two visitors share a nonce).
    const kept = liveScriptHashesFor(page);
    renders = !kept || kept.mtimeMs <= pagesChangedAt();
    csp = revalidatedPageCsp([...(kept?.sources ?? []), ...(renders ? [`'nonce-${newNonce()}'`] : [])]);
    request.headers.set('Content-Security-Policy', csp);
  } else {
    let sources = scriptHashesFor(page);
    if (!sources) {
      // Rendered per request: Next reads the nonce from the request's CSP header and puts it on its scripts.
      sources = [`'nonce-${newNonce()}'`];
      request.headers.set('Content-Security-Policy', pageCsp(sources));
    }
    csp = pageCsp(sources);
  }
  if (locale && rest === '/talent/submit') {
    // The form posted without JavaScript. Loaded on first use: the proxy's other paths never need the database.
    const { answerNoJsSignUp } = await import('./lib/candidates/no-js-sign-up');
    return withCsp(await answerNoJsSignUp(request, locale, requestId), csp);
  }
  if (locale && rest === '/join/submit') {
    // The organizations' form, with or without JavaScript (a plain form).
    const { answerOrganizationRequest } = await import('./lib/organizations/no-js');
    return withCsp(await answerOrganizationRequest(request, locale, requestId), csp);
  }
  const gate = locale ? staffGate(request, locale, rest) : null;
  if (gate) return withCsp(gate, csp);
  const response = target ? rewriteTo(request, target) : handleI18n(request);
  if (locale) rememberLocale(request, response, locale);
  if (locale && isStaffPath(rest)) response.headers.set('Cache-Control', 'no-store');
  // Chosen by a cookie: no shared cache may keep it.
  if (thanksTarget) response.headers.set('Cache-Control', 'private, no-store');
  if (renders) response.headers.set('X-Accel-Expires', '0');
  return withCsp(response, csp);
}

function withCsp<R extends Response>(response: R, csp: string): R {
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

function isFile(pathname: string): boolean {
  return /\.[^/]*$/.test(pathname);
}

function localeOf(pathname: string): Locale | undefined {
  const segment = pathname.split('/')[1];
  return routing.locales.find((candidate) => candidate === segment);
}

/** Serve the page at `pathname` at the address that was asked for, the request's headers (and CSP) kept. */
function rewriteTo(request: NextRequest, pathname: string) {
  const target = request.nextUrl.clone();
  target.pathname = pathname;
  target.search = '';
  return NextResponse.rewrite(target, { request: { headers: request.headers } });
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
  const overHttps = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  response.cookies.set('NEXT_LOCALE', locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', secure: overHttps });
}

export const config = {
  // Everything but API routes and Next's own assets, which keep the CSP of next.config.ts.
  matcher: ['/((?!api|_next|_vercel).*)'],
};
