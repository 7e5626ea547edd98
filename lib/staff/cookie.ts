// Which cookie carries the staff session. Safe for proxy.ts (no database).
//
// Always `__Host-bt_session`, `Secure`: browsers accept Secure cookies from https and, in Chromium and Firefox,
// from http://localhost and http://127.0.0.1 (the e2e run's server listens there). Only when the operator says so
// (STAFF_COOKIE_SECURE=plain-http-localhost, for a trial in a browser that refuses Secure cookies on plain-http
// localhost) a loopback host reached over plain http gets a plain `bt_session` without `Secure`. The scheme comes
// from X-Forwarded-Proto, which the client-address hook keeps only from a trusted proxy (next start fills it
// from the socket otherwise), so a client cannot talk its way out of `Secure`. Each context reads only its own
// name, so a cookie set over plain http is never accepted on https.

import { serverConfig } from '@/lib/config/env';

export const secureSessionCookie = '__Host-bt_session';
export const plainSessionCookie = 'bt_session';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isSecureCookieContext(headers: Headers): boolean {
  if (serverConfig().STAFF_COOKIE_SECURE === 'always') return true;
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  if (proto === 'https') return true;
  const host = (headers.get('host') ?? '').toLowerCase().replace(/:\d+$/, '');
  return !(loopbackHosts.has(host) || host.endsWith('.localhost'));
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

// The device cookie (lib/staff/sign-in.ts): this browser signed in to an account before, so that account's
// lockout does not apply to it. Strict: only ever needed on the sign-in form's own post.
export const secureDeviceCookie = '__Host-bt_device';
export const plainDeviceCookie = 'bt_device';

export function deviceCookieName(headers: Headers): string {
  return isSecureCookieContext(headers) ? secureDeviceCookie : plainDeviceCookie;
}

/** Attributes for the device cookie's Set-Cookie; `maxAge` in seconds. */
export function deviceCookieAttributes(headers: Headers, maxAge: number) {
  return { ...sessionCookieAttributes(headers, maxAge), sameSite: 'strict' as const };
}
