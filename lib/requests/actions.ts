'use server';

// The request register's server actions (staff pages). Each runs as the signed-in staff member (asStaff), calls the
// data layer with the verified Viewer, and on success goes back to the request's page with a notice.

import { redirect } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { isUuid } from '@/lib/ids';
import { routing, type Locale } from '@/lib/i18n/routing';
import { asStaff } from '@/lib/staff/page';
import type { RecordRequestState, RequestTextState } from './form-states';
import { answerRequest, askForMissingInformation, extendRequest, missingInformationReceived, recordRequest, type ChangeResult } from './register';

function localeOf(value: unknown): Locale {
  return hasLocale(routing.locales, value) ? value : routing.defaultLocale;
}

const text = (form: FormData, name: string, max = 5000) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
};

type TextChange = 'extend' | 'ask-info' | 'answer';
const textChanges = {
  extend: { field: 'reason', run: extendRequest, done: 'extended' },
  'ask-info': { field: 'missing', run: askForMissingInformation, done: 'infoAsked' },
  answer: { field: 'answer', run: answerRequest, done: 'answered' },
} as const;

/** Extend, ask for what is missing, or answer: one text field each. */
export async function requestTextAction(rawLocale: string, change: TextChange, id: string, _state: RequestTextState, form: FormData): Promise<RequestTextState> {
  const locale = localeOf(rawLocale);
  const { field, run, done } = textChanges[change];
  const back = `/${locale}/staff/requests/${isUuid(id) ? id : ''}`;
  const value = text(form, field);
  let result: ChangeResult;
  try {
    result = await asStaff(locale, back, (viewer, ctx) => run(viewer, id, value, ctx));
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { value, error: 'unavailable' };
    throw error;
  }
  if (result.ok) redirect(`${back}?done=${done}`);
  if ('fieldErrors' in result) return { value, error: Object.values(result.fieldErrors)[0] ?? 'text.required' };
  return { value, error: 'notAllowed' };
}

/** What was missing from a reclamo arrived: a button. */
export async function infoReceivedAction(rawLocale: string, id: string): Promise<void> {
  const locale = localeOf(rawLocale);
  const back = `/${locale}/staff/requests/${isUuid(id) ? id : ''}`;
  const result = await asStaff(locale, back, (viewer, ctx) => missingInformationReceived(viewer, id, ctx));
  redirect(`${back}?done=${result.ok ? 'infoReceived' : 'notAllowed'}`);
}

/** A request received by email, letter, phone or in person, recorded from the candidate's staff page. */
export async function recordRequestAction(rawLocale: string, candidateId: string, _state: RecordRequestState, form: FormData): Promise<RecordRequestState> {
  const locale = localeOf(rawLocale);
  const back = `/${locale}/staff/candidates/${isUuid(candidateId) ? candidateId : ''}`;
  const values = {
    kind: text(form, 'kind', 20),
    subject: text(form, 'subject', 20),
    channel: text(form, 'channel', 20),
    receivedAt: text(form, 'receivedAt', 20),
    description: text(form, 'description'),
  };
  let result: ChangeResult;
  try {
    result = await asStaff(locale, back, (viewer, ctx) => recordRequest(viewer, candidateId, values, ctx));
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { values, error: 'unavailable' };
    throw error;
  }
  if (result.ok) redirect(`/${locale}/staff/requests/${result.id}?done=recorded`);
  if ('fieldErrors' in result) return { values, fieldErrors: result.fieldErrors };
  return { values, error: 'notFound' };
}
