import 'server-only';
import { createHash } from 'node:crypto';
import { createTranslator } from 'next-intl';
import { messages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/routing';
import { agencyEmail } from '@/lib/site';
import { privacyPolicy } from './policy';

/**
 * The privacy notice shown above the consent checkbox, exactly as the page renders it, and its SHA-256.
 * The page and the sign-up both build it here, so the text stored as proof is the text that was on screen.
 * Built from the messages directly (not next-intl's request config) so the same code runs in tests.
 */
export interface ConsentNotice {
  locale: Locale;
  policyVersion: string;
  heading: string;
  paragraphs: string[];
  policyLink: { label: string; href: string };
  checkboxLabel: string;
  /** Plain text of everything above, one block per line: what consent_notices stores. */
  text: string;
  sha256: string;
}

const cache = new Map<Locale, ConsentNotice>();

export function consentNotice(locale: Locale): ConsentNotice {
  const cached = cache.get(locale);
  if (cached) return cached;
  const t = createTranslator({ locale, messages: messages[locale], namespace: 'ConsentNotice' });
  const heading = t('heading');
  const paragraphs = [
    t('controller', { email: agencyEmail }),
    t('purposes'),
    t('rights', { email: agencyEmail }),
    t('adults'),
  ];
  const policyLink = { label: t('policyLink', { version: privacyPolicy.version }), href: `/${locale}/privacy` };
  const checkboxLabel = t('checkbox');
  const text = [heading, ...paragraphs, `${policyLink.label}: ${policyLink.href}`, `[x] ${checkboxLabel}`].join('\n');
  const notice: ConsentNotice = {
    locale,
    policyVersion: privacyPolicy.version,
    heading,
    paragraphs,
    policyLink,
    checkboxLabel,
    text,
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
  };
  cache.set(locale, notice);
  return notice;
}
