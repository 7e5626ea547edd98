import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { createTranslator } from 'next-intl';
import { messages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/routing';
import { requestLogger } from '@/lib/log';
import { requestIdHeader } from '@/lib/request-id';
import { serverConfig } from '@/lib/config/env';
import { signUpErrorKeys, signUpFields } from './fields';
import type { SignUpFormState } from './form-state';

// Without JavaScript the form posts to a route handler (a server action's answer cannot carry a 503 or a 429).
// The route handler answers with the sign-up page itself, filled in and with its errors, under the right
// status. That page is rendered by Next like any other: the handler asks this server for
// /{locale}/talent/review, passing the form's state in a header signed with a key that never leaves this
// process, so nobody else can make that page show anything.

export const formStateHeader = 'x-bt-signup-state';

const holder = globalThis as typeof globalThis & { __btFormStateKey?: Buffer };
function key(): Buffer {
  holder.__btFormStateKey ??= randomBytes(32);
  return holder.__btFormStateKey;
}

function sign(payload: string): string {
  return createHmac('sha256', key()).update(payload).digest('base64url');
}

const text = z.string().max(300);
const stateSchema = z.object({
  status: z.enum(['idle', 'invalid', 'rateLimited', 'unavailable', 'tooLarge']),
  values: z.object({
    fullName: text,
    email: text,
    phone: text,
    municipality: text,
    birthYear: text,
    englishLevel: text,
    interests: z.array(z.string().max(64)).max(10),
    programs: z.array(z.string().max(64)).max(10),
    consent: z.boolean(),
  }),
  fieldErrors: z.partialRecord(z.enum(signUpFields), z.enum(signUpErrorKeys)),
});

export function encodeFormState(state: SignUpFormState): string {
  const payload = Buffer.from(JSON.stringify(state)).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

export function decodeFormState(token: string | null): SignUpFormState | null {
  if (!token) return null;
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = stateSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** This server's own address: never the request's Host header, which the client controls. */
function internalOrigin(): string {
  return (
    // next start sets __NEXT_PRIVATE_ORIGIN to the address it listens on.
    serverConfig().INTERNAL_ORIGIN ?? process.env.__NEXT_PRIVATE_ORIGIN ?? `http://127.0.0.1:${serverConfig().PORT}`
  ).replace(/\/$/, '');
}

/** The sign-up page showing `state`, as a response with `status` (422, 429, 503, 413). */
export async function formPageResponse(
  locale: Locale,
  state: SignUpFormState,
  status: number,
  requestId: string,
  retryAfterSeconds?: number,
): Promise<Response> {
  const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  if (retryAfterSeconds) headers.set('Retry-After', String(retryAfterSeconds));
  try {
    const page = await fetch(`${internalOrigin()}/${locale}/talent/review`, {
      // The same request id: the page's log lines belong to the sign-up that asked for it.
      headers: { [formStateHeader]: encodeFormState(state), [requestIdHeader]: requestId },
      cache: 'no-store',
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000),
    });
    if (page.status !== 200) throw new Error(`review page answered ${page.status}`);
    // The page's scripts carry the nonce of the CSP proxy.ts gave the review request: pass that policy on.
    const csp = page.headers.get('content-security-policy');
    if (csp) headers.set('Content-Security-Policy', csp);
    return new Response(page.body, { status, headers });
  } catch (error) {
    (await requestLogger(requestId)).error({ event: 'signup.form_page_failed', err: error }, 'no-JS form page failed');
    // The values cannot be shown without the page; at least say what happened.
    return fallbackPageResponse(locale, 'failed', status, headers);
  }
}

/** A page for when the form itself cannot be shown (its page failed, or the post came from another site). */
export function fallbackPageResponse(locale: Locale, reason: 'failed' | 'crossSite', status: number, headers = new Headers()): Response {
  headers.set('Content-Type', 'text/html; charset=utf-8');
  headers.set('Cache-Control', 'no-store');
  return new Response(fallbackPage(locale, reason), { status, headers });
}

function fallbackPage(locale: Locale, reason: 'failed' | 'crossSite'): string {
  const t = createTranslator({ locale, messages: messages[locale], namespace: 'TalentSubmit' });
  // Message text is the site's own, but escaped all the same: this page is built by hand, not by React.
  const text = (key: 'title' | 'failed' | 'crossSite' | 'back') => escapeHtml(t(key));
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${text('title')}</title></head><body><main><h1>${text('title')}</h1><p>${text(reason)}</p>` +
    `<p><a href="/${locale}/talent">${text('back')}</a></p></main></body></html>`
  );
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
