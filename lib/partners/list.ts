import 'server-only';
import { db } from '@/lib/db/client';
import { authorize, type Viewer } from '@/lib/staff/session';

/** The employers a job opening can name: partner organizations of kind employer that are not archived. */
export async function listPartnerOptions(viewer: Viewer): Promise<{ id: string; name: string }[]> {
  await authorize(viewer, 'opportunities:manage');
  return db().partnerOrganization.findMany({
    where: { kind: 'employer', archivedAt: null },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
}
