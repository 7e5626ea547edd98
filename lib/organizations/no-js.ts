import 'server-only';
import type { NextRequest } from 'next/server';
import type { Locale } from '@/lib/i18n/routing';
import { requestLogger } from '@/lib/log';
import { clientAddress } from '@/lib/security/client-address';
import { formPageRewrite, isSameOrigin, readFormData, seeOther } from '@/lib/security/form-post';
import { fallbackPageResponse } from '@/lib/candidates/no-js-page';
import { emptyOrganizationValues, encodeOrganizationState, organizationStateHeader, type OrganizationFormState } from './form-state';
import { submitOrganizationRequest } from './submit';

// The organizations' form is plain HTML posting to /{locale}/join/submit, with or without JavaScript, answered
// here by proxy.ts as the sign-up's no-JavaScript post is (lib/candidates/no-js-sign-up.ts): a 303 to
// /{locale}/join/sent, or the form again, filled in, with its errors, under 422, 429, 413 or 503.

const bodyLimitBytes = 32 * 1024;
const statusCodes: Record<Exclude<OrganizationFormState['status'], 'idle'>, number> = {
  invalid: 422,
  rateLimited: 429,
  unavailable: 503,
  tooLarge: 413,
};

export async function answerOrganizationRequest(request: NextRequest, locale: Locale, requestId: string): Promise<Response> {
  if (request.method !== 'POST') return seeOther(request, `/${locale}/join`);
  try {
    if (!isSameOrigin(request.headers)) return fallbackPageResponse(locale, 'crossSite', 403, undefined, '/join');
    const formData = await readFormData(request, bodyLimitBytes);
    if (formData === 'tooLarge') return formPage(request, locale, { status: 'tooLarge', values: emptyOrganizationValues(), fieldErrors: {} }, 413);
    if (formData === 'unreadable') return formPage(request, locale, { status: 'invalid', values: emptyOrganizationValues(), fieldErrors: {} }, 400);
    const outcome = await submitOrganizationRequest({ locale, formData, clientAddress: clientAddress(request.headers), requestId });
    if (outcome.ok) return seeOther(request, `/${locale}/join/sent`);
    return formPage(request, locale, outcome.state, statusCodes[outcome.state.status as keyof typeof statusCodes] ?? 400, outcome.retryAfterSeconds);
  } catch (error) {
    (await requestLogger(requestId)).error({ event: 'organization_request.failed', err: error }, 'organization request failed');
    return fallbackPageResponse(locale, 'failed', 500, undefined, '/join');
  }
}

function formPage(request: NextRequest, locale: Locale, state: OrganizationFormState, status: number, retryAfterSeconds?: number) {
  return formPageRewrite(request, { path: `/${locale}/join/review`, header: organizationStateHeader, state: encodeOrganizationState(state) }, status, retryAfterSeconds);
}
