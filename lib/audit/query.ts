import 'server-only';
import { db } from '@/lib/db/client';
import { authorize, type Viewer } from '@/lib/staff/session';

export interface AuditEntry {
  id: string;
  createdAt: Date;
  actorEmail: string | null;
  action: string;
  details: unknown;
  ipAddress: string | null;
}

export const auditPageSize = 50;

/** The audit log, newest first. Admins only. */
export async function listAuditEvents(
  viewer: Viewer,
  page: number,
): Promise<{ rows: AuditEntry[]; total: number; page: number; pageCount: number }> {
  await authorize(viewer, 'audit:read');
  const prisma = db();
  const total = await prisma.auditEvent.count();
  const pageCount = Math.max(1, Math.ceil(total / auditPageSize));
  const current = Math.min(page, pageCount);
  const rows = await prisma.auditEvent.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (current - 1) * auditPageSize,
    take: auditPageSize,
    select: { id: true, createdAt: true, actorEmail: true, action: true, details: true, ipAddress: true },
  });
  return { rows: rows.map((r) => ({ ...r, id: r.id.toString() })), total, page: current, pageCount };
}
