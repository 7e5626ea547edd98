'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { routing } from '@/lib/i18n/routing';
import { clientAddress } from '@/lib/security/client-address';
import { signUp } from '@/lib/candidates/sign-up';
import { signedUpLevel, thanksCookieName, thanksCookieOptions, thanksCookieValue } from '@/lib/candidates/thanks-cookie';
import type { SignUpFormState } from '@/lib/candidates/form-state';

/** The sign-up form's server action (with JavaScript). The page binds the locale. */
export async function signUpAction(locale: string, _previous: SignUpFormState, formData: FormData): Promise<SignUpFormState> {
  const lang = hasLocale(routing.locales, locale) ? locale : routing.defaultLocale;
  const requestHeaders = await headers();
  const outcome = await signUp({
    locale: lang,
    formData,
    clientAddress: clientAddress(requestHeaders),
    userAgent: requestHeaders.get('user-agent'),
  });
  if (!outcome.ok) return outcome.state;
  // The thanks page shows only with this cookie (proxy.ts): a fresh sign-up, and its level for the suggestions.
  const overHttps = requestHeaders.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  (await cookies()).set(thanksCookieName, thanksCookieValue(signedUpLevel(formData)), thanksCookieOptions(overHttps));
  // Post/redirect/get: reloading the confirmation does not send the form again.
  redirect(`/${lang}/talent/thanks`);
}
