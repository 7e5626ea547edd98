import 'server-only';
import { db, Prisma } from '@/lib/db/client';
import { isUuid } from '@/lib/ids';
import { authorize, type Viewer } from '@/lib/staff/session';

// Each sharing of one candidate's data (date, organization, purpose): on their staff page and on their My data page
// (lib/my-data/data.ts, which reads it for the verified candidate link through `sharingsSql`).

export interface CandidateSharing {
  id: string;
  createdAt: Date;
  organization: string;
  organizationKind: string;
  country: string;
  receivesAs: string;
  purpose: string;
  /** csv, xlsx (an export) or referral. */
  format: string;
  /** Who shared it (staff page only). */
  staffName: string | null;
}

/** The statement listing a candidate's sharings, newest first; only run by functions that authorized the reader. */
export function sharingsSql(candidateId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT s.id, s.created_at AS "createdAt", o.name AS organization, o.kind::text AS "organizationKind", o.country::text AS country,
           o.receives_as::text AS "receivesAs", s.purpose, s.format, u.name AS "staffName"
      FROM sharing_candidates sc
      JOIN sharings s ON s.id = sc.sharing_id
      JOIN partner_organizations o ON o.id = s.organization_id
      LEFT JOIN staff_users u ON u.id = s.staff_user_id
     WHERE sc.candidate_id = ${candidateId}::uuid
     ORDER BY s.created_at DESC, s.id DESC`;
}

/** A candidate's sharings, for staff who may read candidates. */
export async function listCandidateSharings(viewer: Viewer, candidateId: string): Promise<CandidateSharing[]> {
  await authorize(viewer, 'candidates:read');
  if (!isUuid(candidateId)) return [];
  return db().$queryRaw<CandidateSharing[]>(sharingsSql(candidateId));
}
