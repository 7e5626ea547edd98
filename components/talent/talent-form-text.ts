import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { englishLevels, interestOptions, programOptions, type EnglishLevel, type Interest, type ProgramSlug } from '@/lib/candidates/options';
import { signUpErrorKeys, signUpFields, type SignUpErrorKey } from '@/lib/candidates/fields';
import type { SignUpStatus } from '@/lib/candidates/form-state';

/** The statuses that come with a message of their own (the others show field errors, or nothing). */
type StatusKey = Exclude<SignUpStatus, 'idle' | 'invalid'>;

/**
 * Every string the sign-up form shows, formatted on the server in the page's language. The form then needs no
 * message runtime in the browser (next-intl's client and an ICU parser were a seventh of that page's script and
 * parsed about forty messages while hydrating), and the catalogue stays the single source of its words.
 */
export interface TalentFormText {
  label: string;
  optional: string;
  honeypot: string;
  submit: string;
  submitting: string;
  errorPrefix: string;
  /** The error summary's heading for 1, 2, … errors: `errorSummary[count - 1]` (one entry per field). */
  errorSummary: string[];
  status: Record<StatusKey, string>;
  /** Refused by the email address's limit; `{time}` is replaced with the time to try again. */
  rateLimitedEmail: string;
  errors: Record<SignUpErrorKey, string>;
  fullName: { label: string };
  email: { label: string; hint: string };
  phone: { label: string; hint: string };
  municipality: { label: string; placeholder: string; valle: string; other: string };
  birthYear: { label: string; hint: string };
  adult: { label: string };
  englishLevel: { legend: string; hint: string; levels: Record<EnglishLevel, { label: string; description: string }> };
  interests: { legend: string; hint: string; options: Record<Interest, string> };
  programs: { legend: string; hint: string; options: Record<ProgramSlug, string> };
}

const statusKeys: StatusKey[] = ['unavailable', 'rateLimited', 'tooLarge'];

export async function talentFormText(locale: Locale): Promise<TalentFormText> {
  const t = await getTranslations({ locale, namespace: 'TalentForm' });
  const o = await getTranslations({ locale, namespace: 'Options' });
  const record = <K extends string, V>(keys: readonly K[], value: (key: K) => V) =>
    Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<K, V>;
  return {
    label: t('label'),
    optional: t('optional'),
    honeypot: t('honeypot'),
    submit: t('submit'),
    submitting: t('submitting'),
    errorPrefix: t('errorPrefix'),
    errorSummary: signUpFields.map((_, i) => t('errorSummary', { count: i + 1 })),
    // `{time}` stays a placeholder: the form fills in the time the server said, in the person's language.
    status: record(statusKeys, (key) => t(`status.${key}`, { time: '{time}' })),
    rateLimitedEmail: t('status.rateLimitedEmail', { time: '{time}' }),
    errors: record(signUpErrorKeys, (key) => t(`errors.${key}`)),
    fullName: { label: t('fullName.label') },
    email: { label: t('email.label'), hint: t('email.hint') },
    phone: { label: t('phone.label'), hint: t('phone.hint') },
    municipality: {
      label: t('municipality.label'),
      placeholder: t('municipality.placeholder'),
      valle: t('municipality.valle'),
      other: o('municipalityOther'),
    },
    birthYear: { label: t('birthYear.label'), hint: t('birthYear.hint') },
    adult: { label: t('adult.label') },
    englishLevel: {
      legend: t('englishLevel.legend'),
      hint: t('englishLevel.hint'),
      levels: record(englishLevels, (level) => ({
        label: o(`englishLevel.${level}.label`),
        description: o(`englishLevel.${level}.description`),
      })),
    },
    interests: {
      legend: t('interests.legend'),
      hint: t('interests.hint'),
      options: record(interestOptions, (interest) => o(`interest.${interest}`)),
    },
    programs: {
      legend: t('programs.legend'),
      hint: t('programs.hint'),
      options: record(programOptions, (program) => o(`program.${program}`)),
    },
  };
}
