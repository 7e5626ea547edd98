import 'server-only';
import type { NextRequest } from 'next/server';
import type { Locale } from '@/lib/i18n/routing';
import { requestLogger } from '@/lib/log';
import { clientAddress } from '@/lib/security/client-address';
import { formPageRewrite, isSameOrigin, readFormData, seeOther } from '@/lib/security/form-post';
import { signUpBodyLimitBytes } from './limits';
import { emptySignUpValues, type SignUpFormState, type SignUpStatus } from './form-state';
import { encodeFormState, fallbackPageResponse, formStateHeader } from './no-js-page';
import { signUp } from './sign-up';
import { signedUpLevel, thanksCookieName, thanksCookieOptions, thanksCookieValue } from './thanks-cookie';

// The sign-up posted without JavaScript (or before it loaded), answered by proxy.ts: the proxy is the one place
// in Next that can both run the sign-up and have Next render a page under a status of its choosing (a rewrite
// with `status`), which a route handler cannot (it cannot render a page) nor a server action (its answer is
// always 200). docs/decisions/no-js-sign-up-status.md says why the status matters.

const statusCodes: Record<Exclude<SignUpStatus, 'idle'>, number> = {
  invalid: 422,
  rateLimited: 429,
  unavailable: 503,
  tooLarge: 413,
};

/** `request` carries the page's CSP (and nonce) already: the form page rendered here uses it. */
export async function answerNoJsSignUp(request: NextRequest, locale: Locale, requestId: string): Promise<Response> {
  // Someone who opens this address (a reload after an error, a shared link) gets the empty form.
  if (request.method !== 'POST') return seeOther(request, `/${locale}/talent`);
  try {
    return await signUpWithoutJavaScript(request, locale, requestId);
  } catch (error) {
    // Neither the person's mistake nor a database outage (signUp answers those): a page that says so, not
    // Next's empty 500, and a log line under the id the person can quote.
    (await requestLogger(requestId)).error({ event: 'signup.failed', err: error }, 'no-JS sign-up failed');
    return fallbackPageResponse(locale, 'failed', 500);
  }
}

async function signUpWithoutJavaScript(request: NextRequest, locale: Locale, requestId: string): Promise<Response> {
  if (!isSameOrigin(request.headers)) return fallbackPageResponse(locale, 'crossSite', 403);

  const formData = await readFormData(request, signUpBodyLimitBytes);
  if (formData === 'tooLarge') return formPage(request, locale, { status: 'tooLarge', values: emptySignUpValues(), fieldErrors: {} }, 413);
  if (formData === 'unreadable') return formPage(request, locale, { status: 'invalid', values: emptySignUpValues(), fieldErrors: {} }, 400);

  const outcome = await signUp({
    locale,
    formData,
    clientAddress: clientAddress(request.headers),
    userAgent: request.headers.get('user-agent'),
    requestId,
  });
  if (outcome.ok) {
    const response = seeOther(request, `/${locale}/talent/thanks`);
    const overHttps = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
    response.cookies.set(thanksCookieName, thanksCookieValue(signedUpLevel(formData)), thanksCookieOptions(overHttps));
    return response;
  }
  const { state, retryAfterSeconds } = outcome;
  return formPage(request, locale, state, statusCodes[state.status as keyof typeof statusCodes] ?? 400, retryAfterSeconds);
}

/** The form's page showing `state`, rendered by Next at this address under `status`. */
function formPage(request: NextRequest, locale: Locale, state: SignUpFormState, status: number, retryAfterSeconds?: number) {
  return formPageRewrite(request, { path: `/${locale}/talent/review`, header: formStateHeader, state: encodeFormState(state) }, status, retryAfterSeconds);
}
