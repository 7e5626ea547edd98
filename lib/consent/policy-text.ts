import 'server-only';
import { createTranslator } from 'next-intl';
import { messages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/routing';
import { retentionSettings } from '@/lib/retention/settings';
import { controllerArguments, policyDate } from './notice';
import { privacyPolicy } from './policy';

// The privacy policy (/{locale}/privacy) as text: the page renders it, and tests/unit/privacy-notices.test.ts reads
// it against art. 13 of Decreto 1377 (controller's identity, address, email and phone; purposes; rights; the area
// that handles requests; the procedure; effective date and the database's validity) and what the law adds (the
// deadlines of arts. 14 and 15 of Ley 1581, retention, changes, transfers and transmissions).

export interface PolicySection {
  id: string;
  heading: string;
  paragraphs: string[];
  items?: string[];
}

export interface PolicyDocument {
  title: string;
  version: string;
  intro: string;
  sections: PolicySection[];
  /** The address `<mail>` marks in the texts, for the page to link. */
  email: string;
  /** All of it as plain text. */
  text: string;
}

const rights = ['know', 'update', 'rectify', 'proof', 'informed', 'complain', 'revoke', 'delete'] as const;

export function policyDocument(locale: Locale): PolicyDocument {
  const t = createTranslator({ locale, messages: messages[locale], namespace: 'PrivacyPolicy' });
  const controller = controllerArguments();
  const retention = retentionSettings();
  // `<mail>` wraps the address; as text, the address alone.
  const mail = (chunks: string) => chunks;
  const sections: PolicySection[] = [
    {
      id: 'controller',
      heading: t('controller.heading'),
      paragraphs: [t.markup('controller.body', { ...controller, mail }), t.markup('controller.area', { ...controller, mail })],
    },
    { id: 'data', heading: t('data.heading'), paragraphs: [t('data.body'), t('data.limits')] },
    { id: 'purposes', heading: t('purposes.heading'), paragraphs: [], items: [t('purposes.training'), t('purposes.jobs'), t('purposes.sharing')] },
    { id: 'sharing', heading: t('sharing.heading'), paragraphs: [t('sharing.body')] },
    { id: 'rights', heading: t('rights.heading'), paragraphs: [t('rights.intro')], items: rights.map((right) => t(`rights.${right}`)) },
    {
      id: 'procedure',
      heading: t('procedure.heading'),
      paragraphs: [
        t.markup('procedure.body', { ...controller, mail }),
        t('procedure.queries'),
        t('procedure.claims'),
        t('procedure.inProcess'),
        t('procedure.sic'),
      ],
    },
    {
      id: 'retention',
      heading: t('retention.heading'),
      paragraphs: [t('retention.body', { revokedDays: retention.revokedDays, submissionsMonths: retention.submissionsMonths })],
    },
    {
      id: 'changes',
      heading: t('changes.heading'),
      paragraphs: [
        t('changes.body'),
        t('changes.existing', { version: privacyPolicy.version, date: policyDate(locale, privacyPolicy.existingCandidatesFrom) }),
      ],
    },
  ];
  const title = t('title');
  const version = t('version', { version: privacyPolicy.version, date: policyDate(locale, privacyPolicy.effectiveDate) });
  const intro = t('intro');
  const text = [title, version, intro, ...sections.flatMap((s) => [s.heading, ...s.paragraphs, ...(s.items ?? [])])].join('\n');
  return { title, version, intro, sections, email: controller.email, text };
}
