// Which cookie carries the staff session. Safe for proxy.ts (no database, no Node APIs).
//
// `__Host-` cookies must be `Secure`, and browsers only accept `Secure` cookies from secure contexts:
// https, and — in Chromium and Firefox — http://localhost and http://127.0.0.1 (checked by the e2e run,
// whose server listens on http://127.0.0.1). So the session uses `__Host-bt_session` (Secure) on https and
// on loopback hosts, and falls back to a plain `bt_session` without `Secure` only for plain http on any
// other host (a developer's LAN address). Each context reads only its own name, so a cookie set over plain
// http is never accepted on https. STAFF_COOKIE_SECURE=always forces the secure cookie everywhere.

import { serverConfig } from '@/lib/config/env';

export const secureSessionCookie = '__Host-bt_session';
export const plainSessionCookie = 'bt_session';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isSecureCookieContext(headers: Headers): boolean {
  if (serverConfig().STAFF_COOKIE_SECURE === 'always') return true;
  // next start sets x-forwarded-proto from the socket when no proxy in front set it.
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  if (proto === 'https') return true;
  const host = (headers.get('host') ?? '').toLowerCase().replace(/:\d+$/, '');
  return loopbackHosts.has(host) || host.endsWith('.localhost');
}

export function sessionCookieName(headers: Headers): string {
  return isSecureCookieContext(headers) ? secureSessionCookie : plainSessionCookie;
}

/** Attributes for Set-Cookie; `maxAge` in seconds. */
export function sessionCookieAttributes(headers: Headers, maxAge: number) {
  return {
    httpOnly: true,
    secure: isSecureCookieContext(headers),
    sameSite: 'lax' as const,
    path: '/',
    maxAge,
  };
}

/** The session token from a raw Cookie header, under the name this request's context allows. */
export function sessionTokenFromCookieHeader(headers: Headers): string | undefined {
  const name = sessionCookieName(headers);
  const cookie = headers.get('cookie');
  if (!cookie) return undefined;
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}
