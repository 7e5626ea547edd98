import 'server-only';
import { db } from '@/lib/db/client';
import { authorize, type Viewer } from '@/lib/staff/session';
import type { PartnerKind, PartnerReceivesAs } from './schema';

export interface PartnerOption {
  id: string;
  name: string;
  kind: PartnerKind;
  country: string;
  receivesAs: PartnerReceivesAs;
}

/**
 * The organizations an export or a referral can name: not archived, by name. Any signed-in staff member may read
 * them (names of organizations, no personal data); `kind` narrows the list (a job opening names an employer).
 */
export async function listPartnerOptions(viewer: Viewer, options: { kind?: PartnerKind } = {}): Promise<PartnerOption[]> {
  await authorize(viewer, 'candidates:read');
  return db().partnerOrganization.findMany({
    where: { archivedAt: null, ...(options.kind ? { kind: options.kind } : {}) },
    select: { id: true, name: true, kind: true, country: true, receivesAs: true },
    orderBy: { name: 'asc' },
  });
}
