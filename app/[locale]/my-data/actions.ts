'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { routing, type Locale } from '@/lib/i18n/routing';
import { clientAddress } from '@/lib/security/client-address';
import { requestLink } from '@/lib/candidates/links';
import type { LinkFormState } from '@/lib/candidates/link-form';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { consentPurposes, type ConsentPurpose } from '@/lib/consent/policy';
import {
  clearMyDataCookie,
  currentCandidate,
  endMyDataSession,
  openMyDataSession,
  setMyDataCookie,
  stashForm,
} from '@/lib/my-data/session';
import { deleteMyData, updateMyDetails, withdrawConsent } from '@/lib/my-data/rights';
import { fileReclamo } from '@/lib/requests/candidate';

function localeOf(locale: string): Locale {
  return hasLocale(routing.locales, locale) ? locale : routing.defaultLocale;
}

/** The one-field request: the same answer for every address, a link only for a known one. */
export async function requestMyDataLinkAction(locale: string, _state: LinkFormState, form: FormData): Promise<LinkFormState> {
  const lang = localeOf(locale);
  const email = form.get('email');
  const typed = typeof email === 'string' ? email.slice(0, 300) : '';
  const outcome = await requestLink({ kind: 'my-data', email: typed, locale: lang, clientAddress: clientAddress(await headers()) });
  if (outcome.ok) redirect(`/${lang}/my-data/sent`);
  return { status: outcome.status, email: typed, error: outcome.status === 'invalid' ? outcome.error : undefined };
}

/** The button on the link's page: spends the link, opens the session, sets its cookie. */
export async function openMyDataAction(locale: string, form: FormData): Promise<void> {
  const lang = localeOf(locale);
  const token = form.get('token');
  const value = typeof token === 'string' ? token : '';
  let outcome: Awaited<ReturnType<typeof openMyDataSession>> | 'unavailable';
  try {
    outcome = await openMyDataSession(value);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    outcome = 'unavailable';
  }
  if (outcome !== 'unavailable' && outcome.ok) {
    await setMyDataCookie(outcome.cookieToken, outcome.maxAgeSeconds);
    redirect(`/${lang}/my-data/view`);
  }
  const query = new URLSearchParams({ token: value.slice(0, 64) });
  if (outcome === 'unavailable') query.set('retry', '1');
  redirect(`/${lang}/my-data/open?${query}`);
}

/**
 * Every form on the candidate's page posts here, each with its `intent` button: update, revoke (a `purpose`, or
 * `all`), a reclamo (its subject and text), delete (with its confirmation box), sign-out. The download posts to its own route (an attachment).
 */
export async function myDataAction(locale: string, form: FormData): Promise<void> {
  const lang = localeOf(locale);
  const link = await currentCandidate();
  if (!link) redirect(`/${lang}/my-data/view`);
  const intent = form.get('intent');
  if (intent === 'update') {
    const outcome = await updateMyDetails(link, form);
    if (!outcome.ok) {
      await stashForm(link, outcome.state);
      redirect(`/${lang}/my-data/view#update`);
    }
    redirect(`/${lang}/my-data/view?done=updated`);
  }
  if (intent === 'revoke') {
    const purpose = form.get('purpose');
    const chosen = purpose === 'all' ? 'all' : consentPurposes.find((p) => p === purpose);
    if (chosen) await withdrawConsent(link, chosen as ConsentPurpose | 'all');
    redirect(`/${lang}/my-data/view?done=revoked`);
  }
  if (intent === 'reclamo') {
    const outcome = await fileReclamo(link, form);
    if (!outcome.ok) {
      await stashForm(link, outcome.state);
      redirect(`/${lang}/my-data/view#reclamo`);
    }
    redirect(`/${lang}/my-data/view?done=reclamo#requests`);
  }
  if (intent === 'delete') {
    if (form.get('confirm') !== 'yes') redirect(`/${lang}/my-data/view?problem=deleteNotConfirmed#delete`);
    await deleteMyData(link);
    await clearMyDataCookie();
    redirect(`/${lang}/my-data/deleted`);
  }
  if (intent === 'signout') {
    await endMyDataSession(link);
    await clearMyDataCookie();
    redirect(`/${lang}/my-data/view?done=signedOut`);
  }
  redirect(`/${lang}/my-data/view`);
}
