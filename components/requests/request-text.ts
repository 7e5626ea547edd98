import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { requestErrorKeys, requestKinds, requestSubjects, staffChannels } from '@/lib/requests/schema';
import type { RecordRequestText } from './RecordRequestForm';
import type { RequestTextFormText } from './RequestTextForm';

// The request forms' words, formatted on the server in the page's language (the client forms get plain strings).

const record = <K extends string>(keys: readonly K[], value: (key: K) => string) => Object.fromEntries(keys.map((k) => [k, value(k)])) as Record<K, string>;

export async function requestErrorTexts(locale: Locale): Promise<Record<string, string>> {
  const t = await getTranslations({ locale, namespace: 'Requests' });
  return {
    ...record(requestErrorKeys, (key) => t(`errors.${key}`)),
    notAllowed: t('errors.notAllowed'),
    unavailable: t('errors.unavailable'),
    summary: t('errors.summary'),
  };
}

export async function requestTextFormText(locale: Locale, label: string, submit: string, hint?: string): Promise<RequestTextFormText> {
  const t = await getTranslations({ locale, namespace: 'StaffRequest' });
  return { label, submit, hint, errorPrefix: t('errorPrefix'), errors: await requestErrorTexts(locale) };
}

export async function recordRequestText(locale: Locale): Promise<RecordRequestText> {
  const t = await getTranslations({ locale, namespace: 'Requests' });
  const r = await getTranslations({ locale, namespace: 'StaffRequest' });
  const c = await getTranslations({ locale, namespace: 'StaffCandidateRequests' });
  return {
    heading: c('recordTitle'),
    kind: r('kind'),
    kinds: record(requestKinds, (k) => t(`kind.${k}`)),
    subject: r('subject'),
    subjects: record(requestSubjects, (s) => t(`subject.${s}`)),
    channel: r('channel'),
    channels: record(staffChannels, (ch) => t(`channel.${ch}`)),
    receivedAt: r('receivedAt'),
    receivedAtHint: c('receivedAtHint'),
    description: c('description'),
    submit: c('submit'),
    errorPrefix: r('errorPrefix'),
    errors: await requestErrorTexts(locale),
    notFound: c('notFound'),
    unavailable: t('errors.unavailable'),
  };
}
