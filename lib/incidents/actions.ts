'use server';

// The incident register's server actions (admins). Plain forms: they work without JavaScript.

import { redirect } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { routing, type Locale } from '@/lib/i18n/routing';
import { asStaff } from '@/lib/staff/page';
import { recordIncident, updateIncident } from './register';
import type { IncidentErrorKey } from './schema';

export interface IncidentFormState {
  values: { summary: string; detectedAt: string; personalDataAffected: boolean };
  fieldErrors?: Record<string, IncidentErrorKey>;
  unavailable?: boolean;
}

function localeOf(value: unknown): Locale {
  return hasLocale(routing.locales, value) ? value : routing.defaultLocale;
}

const text = (form: FormData, name: string, max = 5000) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
};

export async function recordIncidentAction(rawLocale: string, _state: IncidentFormState, form: FormData): Promise<IncidentFormState> {
  const locale = localeOf(rawLocale);
  const back = `/${locale}/staff/incidents`;
  const values = { summary: text(form, 'summary'), detectedAt: text(form, 'detectedAt', 20), personalDataAffected: form.get('personalDataAffected') === 'yes' };
  let result;
  try {
    result = await asStaff(locale, back, (viewer, ctx) =>
      recordIncident(viewer, { ...values, personalDataAffected: values.personalDataAffected ? 'yes' : '' }, ctx),
    );
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { values, unavailable: true };
    throw error;
  }
  if (result.ok) redirect(`${back}?done=recorded`);
  return { values, fieldErrors: 'fieldErrors' in result ? result.fieldErrors : {} };
}

export async function updateIncidentAction(rawLocale: string, id: string, form: FormData): Promise<void> {
  const locale = localeOf(rawLocale);
  const back = `/${locale}/staff/incidents`;
  const result = await asStaff(locale, back, (viewer, ctx) =>
    updateIncident(viewer, id, { status: text(form, 'status', 20), reportedToSicAt: text(form, 'reportedToSicAt', 20) }, ctx),
  );
  redirect(`${back}?done=${result.ok ? 'updated' : 'updateRefused'}`);
}
