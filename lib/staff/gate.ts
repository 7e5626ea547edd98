import { NextResponse, type NextRequest } from 'next/server';
import { plainSessionCookie, secureSessionCookie } from './cookie';

// For proxy.ts: staff pages without any session cookie go to sign-in at once. Only a cheap presence check
// — whether the session is live, and what it may do, is decided on the server by the layout, the pages
// and the data layer. `next` carries the path only: query strings can hold search terms (names, emails).

/** `rest` is the path after `/{locale}`. Returns a response for staff pages, or null for every other page. */
export function staffGate(request: NextRequest, locale: string, rest: string): NextResponse | null {
  if (rest !== '/staff' && !rest.startsWith('/staff/')) return null;
  const isLogin = rest.replace(/\/$/, '') === '/staff/login';
  const hasCookie = request.cookies.has(secureSessionCookie) || request.cookies.has(plainSessionCookie);
  if (isLogin || hasCookie) return null;
  // Built on nextUrl, which Next turns into a relative Location for the same host (it would otherwise say
  // localhost for 127.0.0.1, and cookies do not follow a change of host).
  const target = request.nextUrl.clone();
  target.pathname = `/${locale}/staff/login`;
  target.search = '';
  target.searchParams.set('next', `/${locale}${rest.replace(/\/$/, '')}`);
  const response = NextResponse.redirect(target, 303);
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

export function isStaffPath(rest: string): boolean {
  return rest === '/staff' || rest.startsWith('/staff/');
}
