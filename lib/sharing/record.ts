import 'server-only';
import { Prisma } from '@/lib/db/client';
import { isUuid } from '@/lib/ids';
import { recordAudit } from '@/lib/audit/record';
import { authorize, type Viewer } from '@/lib/staff/session';

// Sharings that are not exports: a staff member referring one candidate (or a few) to a partner organization, as
// the opportunities pipeline does when it refers a candidate to an employer. Exports record theirs in the export's
// own snapshot (./export.ts).

export class SharingRefusedError extends Error {
  constructor(
    readonly reason: 'organizationUnknown' | 'noCandidates' | 'consentMissing' | 'purposeRequired',
    /** The candidates that may not be shared with this organization (no consent in force, or not for partners). */
    readonly candidateIds: string[] = [],
  ) {
    super(`sharing refused: ${reason}`);
    this.name = 'SharingRefusedError';
  }
}

/**
 * Record that `candidateIds` were shared with `organizationId` for `purpose`, within `tx` (the caller's transaction,
 * so the record exists exactly when the referral does), with its audit event. Authorized as an export. Refused,
 * writing nothing, when the organization is unknown or archived, or when any candidate has no consent in force, or,
 * for an organization that receives as a controller, did not authorize sharing with partners.
 */
export async function recordSharing(
  tx: Prisma.TransactionClient,
  input: { viewer: Viewer; organizationId: string; purpose: string; candidateIds: readonly string[]; ipAddress?: string | null },
): Promise<{ sharingId: string }> {
  const actor = await authorize(input.viewer, 'candidates:export');
  const purpose = input.purpose.replace(/[\p{Cc}\p{Cs}]/gu, ' ').replace(/\s+/g, ' ').trim();
  if (purpose === '' || purpose.length > 500) throw new SharingRefusedError('purposeRequired');
  const ids = [...new Set(input.candidateIds)];
  if (ids.length === 0) throw new SharingRefusedError('noCandidates');
  if (!isUuid(input.organizationId)) throw new SharingRefusedError('organizationUnknown');
  const organization = await tx.partnerOrganization.findFirst({
    where: { id: input.organizationId, archivedAt: null },
    select: { id: true, receivesAs: true },
  });
  if (!organization) throw new SharingRefusedError('organizationUnknown');
  const valid = ids.filter((id) => isUuid(id));
  const eligible = await tx.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM candidates c
     WHERE c.id = ANY(${valid}::uuid[]) AND c.status = 'active'
       AND (${organization.receivesAs === 'processor'} OR 'share-with-partners' = ANY(c.consent_purposes))
       FOR KEY SHARE`;
  if (eligible.length !== ids.length) {
    const ok = new Set(eligible.map((r) => r.id));
    throw new SharingRefusedError('consentMissing', ids.filter((id) => !ok.has(id)));
  }
  const sharing = await tx.sharing.create({
    data: { organizationId: organization.id, purpose, staffUserId: actor.id, format: 'referral', rowCount: ids.length },
    select: { id: true },
  });
  await tx.sharingCandidate.createMany({ data: ids.map((candidateId) => ({ sharingId: sharing.id, candidateId })) });
  await recordAudit(
    {
      actor,
      action: 'candidates.share',
      details: { sharingId: sharing.id, organizationId: organization.id, format: 'referral', rows: ids.length },
      ipAddress: input.ipAddress ?? null,
    },
    tx,
  );
  return { sharingId: sharing.id };
}
