import 'server-only';
import { isUuid } from '@/lib/ids';
import { db } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';
import { consentPurposes } from '@/lib/consent/policy';
import { authorize, type Viewer } from '@/lib/staff/session';

// A candidate's rights under Ley 1581 de 2012 that staff carry out on request: revoking consent and
// deletion. Admins only; both audited, deletion without any personal data in the event.

export type RightsResult = { ok: true } | { ok: false; error: 'notFound' };
type Context = { ipAddress: string | null };
const notFound: RightsResult = { ok: false, error: 'notFound' };

/** Admins only; an id that cannot name a candidate is not found (null), without a query. */
async function rightsActor(viewer: Viewer, candidateId: string) {
  const actor = await authorize(viewer, 'candidates:manage');
  return isUuid(candidateId) ? actor : null;
}

/**
 * Sets revoked_at on every consent of the candidate still in force, and the candidate's state to revoked (no
 * purpose in force; pending stays pending), in one transaction. Unused confirmation links are spent too: a link mailed before the
 * revocation cannot put a consent back in force; the person can sign up again.
 */
export async function revokeCandidateConsent(viewer: Viewer, candidateId: string, context: Context): Promise<RightsResult> {
  const actor = await rightsActor(viewer, candidateId);
  if (!actor) return notFound;
  const exists = await db().candidate.findUnique({ where: { id: candidateId }, select: { id: true } });
  if (!exists) return notFound;
  await db().$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.consent.updateMany({
      where: { candidateId, revokedAt: null },
      data: { revokedAt: now },
    });
    // A sign-up never confirmed stays pending (never in force, so never revoked), as a withdrawal from My data
    // leaves it: its consents are revoked and its links spent, so nothing can put it in force.
    await tx.$executeRaw`
      UPDATE candidates
         SET status = CASE WHEN status = 'pending' THEN 'pending'::candidate_status ELSE 'revoked'::candidate_status END,
             consent_purposes = ARRAY[]::text[]
       WHERE id = ${candidateId}::uuid`;
    await tx.consentWithdrawal.create({ data: { candidateId, purposes: [...consentPurposes], source: 'staff' }, select: { id: true } });
    await tx.candidateToken.updateMany({ where: { candidateId, purpose: 'confirm_sign_up', usedAt: null }, data: { usedAt: now } });
    await recordAudit(
      { actor, action: 'candidate.consent-revoke', details: { candidateId, consentsRevoked: count }, ipAddress: context.ipAddress },
      tx,
    );
  });
  return { ok: true };
}

/** Deletes the candidate with their submissions and consents (cascade). The audit keeps only the id. */
export async function deleteCandidate(viewer: Viewer, candidateId: string, context: Context): Promise<RightsResult> {
  const actor = await rightsActor(viewer, candidateId);
  if (!actor) return notFound;
  return db().$transaction(async (tx): Promise<RightsResult> => {
    const { count } = await tx.candidate.deleteMany({ where: { id: candidateId } });
    if (count === 0) return notFound;
    await recordAudit({ actor, action: 'candidate.delete', details: { candidateId }, ipAddress: context.ipAddress }, tx);
    return { ok: true };
  });
}
