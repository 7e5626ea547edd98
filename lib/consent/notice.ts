import 'server-only';
import { createHash } from 'node:crypto';
import { createTranslator } from 'next-intl';
import { messages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/routing';
import { agency } from '@/lib/site';
import { retentionSettings } from '@/lib/retention/settings';
import { privacyPolicy } from './policy';

/**
 * The privacy notice shown above the consent checkbox, exactly as the page renders it, and its SHA-256.
 * The page and the sign-up both build it here, so the text stored as proof is the text that was on screen.
 * Built from the messages directly (not next-intl's request config) so the same code runs in tests.
 * It carries what art. 12 of Ley 1581 and art. 15 of Decreto 1377 ask of a notice: the controller's identity,
 * address, phone and email, the purposes (and the sharing, transfers abroad included), the rights and how to use
 * them, the retention periods, how changes are announced, and where the full policy is, with its version and date.
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

const cache = new Map<string, ConsentNotice>();

/** The controller's details as ICU arguments; `none` stands for a detail that is not configured. */
export function controllerArguments() {
  return {
    email: agency.email,
    address: agency.address ?? 'Cali, Valle del Cauca, Colombia',
    phone: agency.phone ?? 'none',
    taxId: agency.taxId ?? 'none',
    area: agency.requestsArea ?? '',
  };
}

/** The policy's effective date written out in `locale` (noon in Bogotá: the same date in every time zone). */
export function policyDate(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'America/Bogota' }).format(new Date(`${isoDate}T12:00:00-05:00`));
}

export function consentNotice(locale: Locale): ConsentNotice {
  const retention = retentionSettings();
  const key = `${locale}:${retention.revokedDays}:${retention.submissionsMonths}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const t = createTranslator({ locale, messages: messages[locale], namespace: 'ConsentNotice' });
  const controller = controllerArguments();
  const heading = t('heading');
  const paragraphs = [
    t('controller', controller),
    t('purposes'),
    t('sensitive'),
    t('rights', controller),
    t('retention', { revokedDays: retention.revokedDays, submissionsMonths: retention.submissionsMonths }),
    t('changes'),
    t('adults'),
  ];
  const policyLink = {
    label: t('policyLink', { version: privacyPolicy.version, date: policyDate(locale, privacyPolicy.effectiveDate) }),
    href: `/${locale}/privacy`,
  };
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
  cache.set(key, notice);
  return notice;
}
