// The mails the site sends and what each carries in the outbox's `payload`. Only ids, settings and single-use
// tokens go there: the recipient is a column of its own, and names or other details are read (or left out)
// when the mail is rendered. `secrets` are erased from the payload once the mail has been sent.

export interface MailPayloads {
  /** Double opt-in: the link confirms one pending submission. */
  'confirm-sign-up': { token: string; validDays: number };
  /** My data: the link opens a short session. */
  'my-data-link': { token: string; validMinutes: number };
  /**
   * To a staff member whose account was locked against unknown browsers: until when, and the failed attempts (time
   * and client address) that led to it, so they can tell whether it was them.
   */
  'staff-lockout': { lockedUntil: string; attempts: { at: string; ipAddress: string | null }[] };
  /**
   * An opportunity announced to a matching candidate (lib/opportunities/announce.ts), as it was when the mail was
   * released: its page, and the link token for "I'm interested" and unsubscribe. `consentPurpose`: the mail is only
   * sent while the candidate's consent for it is in force (lib/mail/deliver.ts).
   */
  'opportunity-announcement': {
    opportunityId: string;
    kind: 'cohort' | 'job';
    slug: string;
    title: string;
    consentPurpose: string;
    token: string;
  };
  /** To whoever sent the organizations' form: it was received, what they asked for, and when to expect an answer. */
  'organization-request': { kind: string; purposes: string[] };
  /**
   * A consulta or reclamo (lib/requests): received (with its due date), extended (the reason and the new date), what a
   * reclamo lacks (and from when it counts as withdrawn), or the answer. The text is erased once sent; the register
   * keeps it.
   */
  'request-update': {
    reference: number;
    kind: 'consulta' | 'reclamo';
    variant: 'received' | 'extended' | 'info' | 'answer';
    dueOn: string | null;
    text: string | null;
  };
  /** To admins and the privacy role, daily: requests overdue and due in the next 3 business days (references only). */
  'requests-digest': {
    day: string;
    overdue: { reference: number; kind: 'consulta' | 'reclamo'; subject: string; dueOn: string }[];
    dueSoon: { reference: number; kind: 'consulta' | 'reclamo'; subject: string; dueOn: string }[];
  };
  /** A new privacy policy version (lib/consent/policy-change.ts): which one, and from when it applies to them. */
  'policy-change': { version: string; effectiveFrom: string };
}

export type MailTemplate = keyof MailPayloads;

export const mailTemplates: Record<MailTemplate, { secrets: readonly string[] }> = {
  'confirm-sign-up': { secrets: ['token'] },
  'my-data-link': { secrets: ['token'] },
  // Client addresses are kept only until the mail is sent.
  'staff-lockout': { secrets: ['attempts'] },
  'opportunity-announcement': { secrets: ['token'] },
  'organization-request': { secrets: [] },
  'request-update': { secrets: ['text'] },
  'requests-digest': { secrets: [] },
  'policy-change': { secrets: [] },
};

export function isMailTemplate(value: string): value is MailTemplate {
  return Object.hasOwn(mailTemplates, value);
}
