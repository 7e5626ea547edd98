// Where the sign-up form posts when JavaScript is off (or not loaded yet). Same sign-up as the server action,
// but this answer can carry the status a server action cannot: 303 to the confirmation, or the form again with
// its errors under 422, 429 (rate limited), 413 (too large) or 503 (database unavailable).
import { hasLocale } from 'next-intl';
import { routing, type Locale } from '@/lib/i18n/routing';
import { clientAddress } from '@/lib/security/client-address';
import { signUp } from '@/lib/candidates/sign-up';
import { emptySignUpValues, type SignUpStatus } from '@/lib/candidates/form-state';
import { fallbackPageResponse, formPageResponse } from '@/lib/candidates/no-js-page';
import { requestLogger } from '@/lib/log';
import { signUpBodyLimitBytes } from '@/lib/candidates/limits';
import { isSameOrigin, readFormData } from '@/lib/security/form-post';
import { baselineCsp } from '@/lib/security/csp';
import { requestIdFor, requestIdHeader } from '@/lib/request-id';

const statusCodes: Record<Exclude<SignUpStatus, 'idle'>, number> = {
  invalid: 422,
  rateLimited: 429,
  unavailable: 503,
  tooLarge: 413,
};

export async function POST(request: Request, context: RouteContext<'/[locale]/talent/submit'>) {
  const requestId = requestIdFor(request.headers);
  const { locale } = await context.params;
  if (!hasLocale(routing.locales, locale)) return finish(new Response(null, { status: 404 }), requestId);
  try {
    return finish(await signUpWithoutJavaScript(request, locale, requestId), requestId);
  } catch (error) {
    // Neither the person's mistake nor a database outage (signUp answers those): a page that says so, not
    // Next's empty 500, and a log line under the id the person can quote.
    (await requestLogger(requestId)).error({ event: 'signup.failed', err: error }, 'no-JS sign-up failed');
    return finish(fallbackPageResponse(locale, 'failed', 500), requestId);
  }
}

async function signUpWithoutJavaScript(request: Request, locale: Locale, requestId: string): Promise<Response> {
  if (!isSameOrigin(request.headers)) return fallbackPageResponse(locale, 'crossSite', 403);

  const formData = await readFormData(request, signUpBodyLimitBytes);
  if (formData === 'tooLarge') {
    return formPageResponse(locale, { status: 'tooLarge', values: emptySignUpValues(), fieldErrors: {} }, 413, requestId);
  }
  if (formData === 'unreadable') {
    return formPageResponse(locale, { status: 'invalid', values: emptySignUpValues(), fieldErrors: {} }, 400, requestId);
  }

  const outcome = await signUp({
    locale,
    formData,
    clientAddress: clientAddress(request.headers),
    userAgent: request.headers.get('user-agent'),
    requestId,
  });
  if (outcome.ok) return seeOther(`/${locale}/talent/thanks`);
  const { state, retryAfterSeconds } = outcome;
  const status = statusCodes[state.status as keyof typeof statusCodes] ?? 400;
  return formPageResponse(locale, state, status, requestId, retryAfterSeconds);
}

/** Someone who opens this address (a reload after an error, a shared link) gets the empty form. */
export async function GET(request: Request, context: RouteContext<'/[locale]/talent/submit'>) {
  const { locale } = await context.params;
  return finish(seeOther(`/${hasLocale(routing.locales, locale) ? locale : routing.defaultLocale}/talent`), requestIdFor(request.headers));
}

/**
 * proxy.ts does not run for this route (config.matcher), so it sets what the proxy sets elsewhere: the request
 * id, and a CSP. next.config.ts leaves the CSP to it: the review page's own when it sends one, else the baseline.
 */
function finish(response: Response, requestId: string): Response {
  response.headers.set(requestIdHeader, requestId);
  if (!response.headers.has('content-security-policy')) response.headers.set('Content-Security-Policy', baselineCsp);
  return response;
}

function seeOther(path: `/${Locale}/${string}`): Response {
  // A relative Location: the Host header is the client's to write, so it is never echoed back.
  return new Response(null, { status: 303, headers: { Location: path, 'Cache-Control': 'no-store' } });
}
