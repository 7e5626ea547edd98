'use server';

import { redirect } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { routing, type Locale } from '@/lib/i18n/routing';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { recordInterest } from '@/lib/opportunities/links';

function localeOf(locale: string): Locale {
  return hasLocale(routing.locales, locale) ? locale : routing.defaultLocale;
}

/** The "I'm interested" button: a POST, so a link that mail scanners fetch records nothing. */
export async function interestAction(locale: string, form: FormData): Promise<void> {
  const lang = localeOf(locale);
  const raw = form.get('token');
  const token = typeof raw === 'string' ? raw.slice(0, 64) : '';
  let outcome: Awaited<ReturnType<typeof recordInterest>> | 'unavailable';
  try {
    outcome = await recordInterest(token);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    outcome = 'unavailable';
  }
  if (outcome === 'done') redirect(`/${lang}/interest/done`);
  redirect(`/${lang}/interest?${new URLSearchParams({ token, ...(outcome === 'unavailable' ? { retry: '1' } : {}) })}`);
}
