// The short-lived cookie a successful sign-up sets, so that /{locale}/talent/thanks shows only right after one
// (proxy.ts sends anyone else to the form). It holds the English level given, to suggest programs for it, an
// expiry and an HMAC: no name, address or anything else of the person, and nothing in the URL. Read by proxy.ts,
// so no `server-only` and no database.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { englishLevels, type EnglishLevel } from './options';

export const thanksCookieName = 'bt_signed_up';
export const thanksCookieSeconds = 15 * 60;

// SIGNUP_COOKIE_SECRET signs it across instances; unset, a key per process (kept on globalThis, so proxy.ts and the
// pages, bundled apart, share it). A sign-up answered by one instance and its thanks page by another then go to the
// form: set the secret when several instances run (docs/operations.md).
const holder = globalThis as typeof globalThis & { __btThanksKey?: Buffer };
function key(): Buffer {
  const configured = process.env.SIGNUP_COOKIE_SECRET?.trim();
  if (configured) return Buffer.from(configured);
  holder.__btThanksKey ??= randomBytes(32);
  return holder.__btThanksKey;
}

const sign = (payload: string) => createHmac('sha256', key()).update(payload).digest('base64url');

/** The cookie's value for a sign-up with `level`, valid `thanksCookieSeconds` from `now`. */
export function thanksCookieValue(level: EnglishLevel, now = Date.now()): string {
  const payload = `${level}.${Math.floor(now / 1000) + thanksCookieSeconds}`;
  return `${payload}.${sign(payload)}`;
}

/** The English level of an accepted sign-up's form (the schema has checked it), for the cookie. */
export function signedUpLevel(formData: FormData): EnglishLevel {
  const level = formData.get('englishLevel');
  return englishLevels.includes(level as EnglishLevel) ? (level as EnglishLevel) : 'A2';
}

/** The level of a valid, unexpired cookie, or null. */
export function verifyThanksCookie(value: string | undefined, now = Date.now()): EnglishLevel | null {
  const match = /^(A1|A2|B1|B2|C1|C2)\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
  if (!match) return null;
  const [, level, expires, mac] = match;
  const expected = Buffer.from(sign(`${level}.${expires}`));
  if (!timingSafeEqual(Buffer.from(mac!), expected)) return null;
  if (Number(expires) * 1000 < now) return null;
  return englishLevels.includes(level as EnglishLevel) ? (level as EnglishLevel) : null;
}

/** The cookie's attributes: every path (the language switch keeps it), scripts cannot read it. */
export function thanksCookieOptions(overHttps: boolean) {
  return { path: '/', maxAge: thanksCookieSeconds, httpOnly: true, sameSite: 'lax' as const, secure: overHttps };
}
