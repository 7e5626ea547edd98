'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { routing, type Locale } from '@/lib/i18n/routing';
import { clientAddress } from '@/lib/security/client-address';
import { confirmSignUp } from '@/lib/candidates/confirm';
import { requestLink } from '@/lib/candidates/links';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import type { LinkFormState } from '@/lib/candidates/link-form';

function localeOf(locale: string): Locale {
  return hasLocale(routing.locales, locale) ? locale : routing.defaultLocale;
}

/** The confirm button: a POST, so a link that mail scanners fetch confirms nothing. */
export async function confirmAction(locale: string, form: FormData): Promise<void> {
  const lang = localeOf(locale);
  const token = form.get('token');
  const requestHeaders = await headers();
  let outcome: Awaited<ReturnType<typeof confirmSignUp>> | 'unavailable';
  try {
    outcome = await confirmSignUp({
      token: typeof token === 'string' ? token : '',
      clientAddress: clientAddress(requestHeaders),
      userAgent: requestHeaders.get('user-agent'),
    });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    outcome = 'unavailable';
  }
  if (outcome !== 'unavailable' && outcome.ok) redirect(`/${lang}/confirm/done`);
  // Back to the link's page, which says why (used, expired, not valid) or asks to try again.
  const query = new URLSearchParams({ token: typeof token === 'string' ? token.slice(0, 64) : '' });
  if (outcome === 'unavailable') query.set('retry', '1');
  redirect(`/${lang}/confirm?${query}`);
}

/** "Send me a new link": the same answer for every address; only a pending sign-up gets a mail. */
export async function requestConfirmLinkAction(locale: string, _state: LinkFormState, form: FormData): Promise<LinkFormState> {
  const lang = localeOf(locale);
  const email = form.get('email');
  const typed = typeof email === 'string' ? email.slice(0, 300) : '';
  const outcome = await requestLink({
    kind: 'confirm-sign-up',
    email: typed,
    locale: lang,
    clientAddress: clientAddress(await headers()),
  });
  if (outcome.ok) redirect(`/${lang}/confirm/sent`);
  return { status: outcome.status, email: typed, error: outcome.status === 'invalid' ? outcome.error : undefined };
}
