import 'server-only';
import { z } from 'zod';
import { createTranslator } from 'next-intl';
import { messages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/routing';
import { decodeHeaderState, encodeHeaderState } from '@/lib/security/header-state';
import { signUpErrorKeys, signUpFields } from './fields';
import type { SignUpFormState } from './form-state';

// Without JavaScript the form posts to /{locale}/talent/submit, which proxy.ts answers (no-js-sign-up.ts): a 303
// to the confirmation, or the form's page again, filled in and with its errors, under 422, 429, 413 or 503. That
// page is /{locale}/talent/review, to which the proxy rewrites the post with the form's state in a request
// header. The proxy deletes that header from every request it did not write it on, so only it can make the page
// show anything (docs/decisions/no-js-sign-up-status.md).

export { formStateHeader } from './form-state-header';

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
    adult: z.boolean(),
    consent: z.boolean(),
  }),
  fieldErrors: z.partialRecord(z.enum(signUpFields), z.enum(signUpErrorKeys)),
  retryAt: z.iso.datetime().optional(),
  limitedBy: z.enum(['address', 'email']).optional(),
});

export function encodeFormState(state: SignUpFormState): string {
  return encodeHeaderState(state);
}

export function decodeFormState(value: string | null): SignUpFormState | null {
  return decodeHeaderState(stateSchema, value);
}

/** A page for when the form itself cannot be shown (an unexpected failure, or the post came from another site). */
export function fallbackPageResponse(locale: Locale, reason: 'failed' | 'crossSite', status: number, headers = new Headers(), backPath = '/talent'): Response {
  headers.set('Content-Type', 'text/html; charset=utf-8');
  headers.set('Cache-Control', 'no-store');
  return new Response(fallbackPage(locale, reason, backPath), { status, headers });
}

function fallbackPage(locale: Locale, reason: 'failed' | 'crossSite', backPath: string): string {
  const t = createTranslator({ locale, messages: messages[locale], namespace: 'TalentSubmit' });
  // Message text is the site's own, but escaped all the same: this page is built by hand, not by React.
  const text = (key: 'title' | 'failed' | 'crossSite' | 'back') => escapeHtml(t(key));
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${text('title')}</title></head><body><main><h1>${text('title')}</h1><p>${text(reason)}</p>` +
    `<p><a href="/${locale}${escapeHtml(backPath)}">${text('back')}</a></p></main></body></html>`
  );
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
