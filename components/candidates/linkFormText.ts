import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import type { EmailLinkFormText } from './EmailLinkForm';

/** The link form's words, formatted on the server (no message runtime in the browser). */
export async function emailLinkFormText(locale: Locale, submit: string, emailHint?: string): Promise<EmailLinkFormText> {
  const t = await getTranslations({ locale, namespace: 'LinkRequest' });
  const errors = await getTranslations({ locale, namespace: 'TalentForm.errors' });
  return {
    email: t('email'),
    emailHint: emailHint ?? t('emailHint'),
    submit,
    errorSummary: t('errorSummary'),
    messages: {
      'email.required': errors('email.required'),
      'email.invalid': errors('email.invalid'),
      rateLimited: t('rateLimited'),
      unavailable: t('unavailable'),
    },
  };
}
