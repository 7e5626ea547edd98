import 'server-only';
import pg from 'pg';
import { Prisma } from '@/lib/db/client';
import { databaseUrl, serverConfig } from '@/lib/config/env';
import type { AuditDetails } from '@/lib/audit/record';
import type { Actor } from '@/lib/staff/session';

// The sharing record of an export, written before its first byte leaves. The export reads its rows in a read-only
// REPEATABLE READ transaction that publishes its snapshot (pg_export_snapshot()); this writes, on a connection of
// its own that adopts that very snapshot (SET TRANSACTION SNAPSHOT), the sharing, one sharing_candidates row per
// candidate the same filter selects, and the audit event, and commits them together. Both transactions see the same
// rows, so the record holds exactly the candidates the download streams, and its count is the export's count.

export interface ExportSharing {
  organizationId: string;
  purpose: string;
  format: 'csv' | 'xlsx';
  /** What the audit event says besides the sharing (format, filters used, locale). */
  audit: { details: AuditDetails; ipAddress: string | null };
}

export interface RecordedExportSharing {
  sharingId: string;
  rowCount: number;
}

/**
 * Record the sharing of the candidates `c` matching `where` as seen by `snapshot`. Throws (and writes nothing) if
 * any part fails: then no byte of the export may leave.
 */
export async function recordExportSharing(options: {
  snapshot: string;
  actor: Actor;
  where: Prisma.Sql;
  sharing: ExportSharing;
}): Promise<RecordedExportSharing> {
  const { actor, sharing } = options;
  const client = new pg.Client({
    connectionString: databaseUrl(),
    connectionTimeoutMillis: serverConfig().DATABASE_CONNECT_TIMEOUT_MS,
    application_name: 'bilingual-talent-export-record',
  });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    await client.query(`SET TRANSACTION SNAPSHOT ${pg.escapeLiteral(options.snapshot)}`);
    // Sorted by id, the rows go into both indexes in key order: a million random UUIDs inserted unsorted touch
    // index pages at random and took several times longer here.
    await client.query(`SET LOCAL work_mem = '64MB'`);
    const created = await client.query<{ id: string }>(
      `INSERT INTO sharings (organization_id, purpose, staff_user_id, format, row_count) VALUES ($1, $2, $3, $4, 0) RETURNING id`,
      [sharing.organizationId, sharing.purpose, actor.id, sharing.format],
    );
    const sharingId = created.rows[0]!.id;
    const insert = Prisma.sql`
      INSERT INTO sharing_candidates (sharing_id, candidate_id)
      SELECT ${sharingId}::uuid, c.id FROM candidates c WHERE ${options.where} ORDER BY c.id`;
    const inserted = await client.query(insert.text, insert.values);
    const rowCount = inserted.rowCount ?? 0;
    await client.query(`UPDATE sharings SET row_count = $2 WHERE id = $1`, [sharingId, rowCount]);
    const details: AuditDetails = { ...sharing.audit.details, rows: rowCount, sharingId, organizationId: sharing.organizationId };
    await client.query(
      `INSERT INTO audit_events (actor_id, actor_email, action, details, ip_address) VALUES ($1, $2, 'candidates.export', $3::jsonb, $4)`,
      [actor.id, actor.email, JSON.stringify(details), sharing.audit.ipAddress],
    );
    await client.query('COMMIT');
    return { sharingId, rowCount };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}
