import 'server-only';
import { db } from '@/lib/db/client';
import { authorize, type Viewer } from '@/lib/staff/session';
import type { RetentionCounts } from './run';
import { retentionSettings, type RetentionSettings } from './settings';

export interface RetentionRunRow {
  id: string;
  startedAt: Date;
  finishedAt: Date | null;
  counts: Partial<RetentionCounts>;
  settings: Partial<RetentionSettings>;
  error: string | null;
}

/** The last retention runs, newest first, and the periods in force now. Admins only (audit:read). */
export async function listRetentionRuns(viewer: Viewer, take = 60): Promise<{ runs: RetentionRunRow[]; settings: RetentionSettings }> {
  await authorize(viewer, 'audit:read');
  const rows = await db().retentionRun.findMany({
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take,
    select: { id: true, startedAt: true, finishedAt: true, counts: true, settings: true, error: true },
  });
  return {
    runs: rows.map((row) => ({
      ...row,
      id: row.id.toString(),
      counts: (row.counts ?? {}) as Partial<RetentionCounts>,
      settings: (row.settings ?? {}) as Partial<RetentionSettings>,
    })),
    settings: retentionSettings(),
  };
}
