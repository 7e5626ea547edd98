import 'server-only';
import type { Locale } from '@/lib/i18n/routing';
import { recordAudit } from '@/lib/audit/record';
import { auditedFilters } from '@/lib/audit/search';
import { logger } from '@/lib/log';
import type { CandidateFilters } from '@/lib/candidates/filters';
import { openCandidateCopy, openCandidateExport } from '@/lib/candidates/query';
import type { Viewer } from '@/lib/staff/session';
import { exportFileName } from './columns';
import { csvCopySql, csvStream } from './csv';
import { xlsxStream } from './xlsx';

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface CandidateExport {
  stream: ReadableStream<Uint8Array>;
  rowCount: number;
  filename: string;
  contentType: string;
}

const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Export the candidates matching `filters` whose consent is in force. The audit event (who, format,
 * filters, row count) is written before the first byte leaves: no export goes out unrecorded. A
 * download that stops early adds a second event saying how many rows were sent.
 */
export async function exportCandidates(
  viewer: Viewer,
  request: { format: ExportFormat; filters: CandidateFilters; locale: Locale; ipAddress: string | null },
): Promise<CandidateExport> {
  const { filters, locale } = request;
  const copy = request.format === 'csv' ? csvCopySql(locale) : undefined;
  const source = copy
    ? await openCandidateCopy(viewer, filters, copy.select, copy.options)
    : await openCandidateExport(viewer, filters);
  const details = { format: request.format, ...auditedFilters(filters), rows: source.rowCount, locale };
  try {
    await recordAudit({ actor: source.actor, action: 'candidates.export', details, ipAddress: request.ipAddress });
  } catch (error) {
    await source.close();
    throw error;
  }
  const hooks = {
    async onEnd(result: { rowsWritten: number; complete: boolean; error?: unknown }) {
      if (result.complete) return;
      if (result.error) logger.error({ err: result.error }, 'candidate export failed while streaming');
      await recordAudit({
        actor: source.actor,
        action: 'candidates.export-incomplete',
        details: { ...details, rowsSent: result.rowsWritten },
        ipAddress: request.ipAddress,
      }).catch((error) => logger.error({ err: error }, 'could not audit an incomplete export'));
    },
  };
  const stream = 'stream' in source ? csvStream(source, locale, hooks) : xlsxStream(source.batches(), locale, hooks);
  return {
    stream,
    rowCount: source.rowCount,
    filename: `${exportFileName(locale, new Date())}.${request.format}`,
    contentType: contentTypes[request.format],
  };
}
