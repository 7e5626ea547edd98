import 'server-only';
import { db } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';
import { consentPurposes, type ConsentPurpose } from '@/lib/consent/policy';
import { signUpSchema, fieldErrorsOf } from '@/lib/candidates/schema';
import { signUpInputFrom, signUpValuesFrom, type SignUpFormState } from '@/lib/candidates/form-state';
import { recordSelfServiceRequest } from '@/lib/requests/candidate';
import { authorizeCandidate, type CandidateLink } from './session';

// What a candidate does from My data, each in one transaction with its audit event (no personal data in it: the
// candidate's id and what was done) and its entry in the request register, received and resolved at once. The
// address was proven by the link, so changes apply at once.

/**
 * The update form: the sign-up's own schema, without the fields an update does not change (the address, the
 * consent and the statement of age, which the sign-up's consent evidence keeps).
 */
export function updateSchema() {
  return signUpSchema().omit({ email: true, consent: true, adult: true });
}

export type UpdateOutcome = { ok: true } | { ok: false; state: SignUpFormState };

export async function updateMyDetails(link: CandidateLink, formData: FormData): Promise<UpdateOutcome> {
  const candidateId = await authorizeCandidate(link);
  const values = signUpValuesFrom(formData);
  const { email: _email, consent: _consent, adult: _adult, ...input } = signUpInputFrom(formData);
  const parsed = updateSchema().safeParse(input);
  if (!parsed.success) return { ok: false, state: { status: 'invalid', values, fieldErrors: fieldErrorsOf(parsed.error) } };
  const data = parsed.data;
  await db().$transaction(async (tx) => {
    const now = new Date();
    const candidate = await tx.candidate.update({
      where: { id: candidateId },
      data: { ...data, updatedAt: now },
      select: { email: true, locale: true },
    });
    // Kept in the history like any submission, marked as the candidate's own change.
    await tx.submission.create({
      data: { candidateId, ...data, email: candidate.email, locale: candidate.locale, origin: 'my-data', pending: false, confirmedAt: now },
      select: { id: true },
    });
    await recordSelfServiceRequest(tx, candidateId, 'update', now);
    await recordAudit({ actor: null, action: 'candidate.my-data-update', details: { candidateId, fields: Object.keys(data) } }, tx);
  });
  return { ok: true };
}

/** Withdraw consent for one purpose, or for all. Without any purpose left, every consent is revoked. */
export async function withdrawConsent(link: CandidateLink, purpose: ConsentPurpose | 'all'): Promise<void> {
  const candidateId = await authorizeCandidate(link);
  await db().$transaction(async (tx) => {
    const current = await tx.candidate.findUniqueOrThrow({ where: { id: candidateId }, select: { consentPurposes: true, status: true } });
    const withdrawn = purpose === 'all' ? [...consentPurposes] : [purpose];
    const remaining = current.consentPurposes.filter((p) => !withdrawn.includes(p as ConsentPurpose));
    const now = new Date();
    await tx.candidate.update({
      where: { id: candidateId },
      data: remaining.length > 0 ? { consentPurposes: remaining, status: 'active' } : { consentPurposes: [], status: current.status === 'pending' ? 'pending' : 'revoked' },
      select: { id: true },
    });
    if (remaining.length === 0) {
      await tx.consent.updateMany({ where: { candidateId, revokedAt: null }, data: { revokedAt: now } });
      // A confirmation link mailed before cannot put consent back in force.
      await tx.candidateToken.updateMany({ where: { candidateId, purpose: 'confirm_sign_up', usedAt: null }, data: { usedAt: now } });
    }
    await tx.consentWithdrawal.create({ data: { candidateId, purposes: withdrawn, source: 'candidate', createdAt: now }, select: { id: true } });
    await recordSelfServiceRequest(tx, candidateId, 'revocation', now);
    await recordAudit({ actor: null, action: 'candidate.my-data-revoke', details: { candidateId, purposes: withdrawn } }, tx);
  });
}

/**
 * Delete the candidate with everything held about them (submissions, consents, links, sessions, mails, by
 * cascade). What stays is the audit event: the candidate's id and that the request was received and carried out,
 * with no name, email or phone.
 */
export async function deleteMyData(link: CandidateLink): Promise<void> {
  const candidateId = await authorizeCandidate(link);
  // Its sessions go with it (cascade): the cookie opens nothing afterwards.
  await db().$transaction(async (tx) => {
    const now = new Date();
    await tx.candidate.delete({ where: { id: candidateId }, select: { id: true } });
    await recordSelfServiceRequest(tx, candidateId, 'deletion', now);
    await recordAudit({ actor: null, action: 'candidate.my-data-delete', details: { candidateId, receivedAt: now.toISOString() } }, tx);
  });
}

/** The download is recorded too (what was handed over, and in which format). */
export async function recordDownload(link: CandidateLink, format: 'json' | 'html'): Promise<void> {
  const candidateId = await authorizeCandidate(link);
  await db().$transaction(async (tx) => {
    await recordSelfServiceRequest(tx, candidateId, 'access', new Date());
    await recordAudit({ actor: null, action: 'candidate.my-data-download', details: { candidateId, format } }, tx);
  });
}
