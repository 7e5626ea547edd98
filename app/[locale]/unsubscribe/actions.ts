'use server';

import { redirect } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { routing, type Locale } from '@/lib/i18n/routing';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { unsubscribe } from '@/lib/opportunities/links';

function localeOf(locale: string): Locale {
  return hasLocale(routing.locales, locale) ? locale : routing.defaultLocale;
}

/** The unsubscribe button: a POST (opening the link changes nothing). */
export async function unsubscribeAction(locale: string, form: FormData): Promise<void> {
  const lang = localeOf(locale);
  const raw = form.get('token');
  const token = typeof raw === 'string' ? raw.slice(0, 64) : '';
  let outcome: Awaited<ReturnType<typeof unsubscribe>> | 'unavailable';
  try {
    outcome = await unsubscribe(token, 'unsubscribe-link');
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    outcome = 'unavailable';
  }
  if (outcome === 'done') redirect(`/${lang}/unsubscribe/done`);
  redirect(`/${lang}/unsubscribe?${new URLSearchParams({ token, ...(outcome === 'unavailable' ? { retry: '1' } : {}) })}`);
}
