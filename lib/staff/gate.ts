import { NextResponse, type NextRequest } from 'next/server';
import { plainSessionCookie, secureSessionCookie } from './cookie';

// For proxy.ts: staff pages without any session cookie go to sign-in at once. Only a cheap presence check
// — whether the session is live, and what it may do, is decided on the server by the layout, the pages
// and the data layer. `next` carries the path only: query strings can hold search terms (names, emails).
//
// A navigation another site started (Sec-Fetch-Site: cross-site) goes to the staff home before anything is
// read or audited: the session cookie is SameSite=Lax, so it rides along on a top-level GET from any site, and a
// link to `/es/staff/candidates?q=…` would otherwise record a search in the staff member's name. The home page
// shows counts only and audits nothing; it is the one place such a navigation may land (a redirect keeps the
// chain cross-site in the browser's eyes, so the home itself must accept it, or the redirect would loop).

function redirectTo(request: NextRequest, pathname: string, next?: string): NextResponse {
  // Built on nextUrl, which Next turns into a relative Location for the same host (it would otherwise say
  // localhost for 127.0.0.1, and cookies do not follow a change of host).
  const target = request.nextUrl.clone();
  target.pathname = pathname;
  target.search = '';
  if (next) target.searchParams.set('next', next);
  const response = NextResponse.redirect(target, 303);
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

/** `rest` is the path after `/{locale}`. Returns a response for staff pages, or null for every other page. */
export function staffGate(request: NextRequest, locale: string, rest: string): NextResponse | null {
  if (rest !== '/staff' && !rest.startsWith('/staff/')) return null;
  const path = rest.replace(/\/$/, '');
  const isLogin = path === '/staff/login';
  if (request.headers.get('sec-fetch-site') === 'cross-site' && path !== '/staff' && !isLogin) {
    return redirectTo(request, `/${locale}/staff`);
  }
  const hasCookie = request.cookies.has(secureSessionCookie) || request.cookies.has(plainSessionCookie);
  if (isLogin || hasCookie) return null;
  return redirectTo(request, `/${locale}/staff/login`, `/${locale}${path}`);
}

export function isStaffPath(rest: string): boolean {
  return rest === '/staff' || rest.startsWith('/staff/');
}
