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

export { exportFormats, type ExportFormat } from './request';
import type { ExportFormat } from './request';

export interface CandidateExport {
  stream: ReadableStream<Uint8Array>;
  rowCount: number;
  sharingId: string;
  /** The organization receives as a controller: only candidates who authorized sharing with partners are in it. */
  onlySharingConsent: boolean;
  filename: string;
  contentType: string;
}

const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Export the candidates matching `filters` whose consent is in force, for a partner organization and a purpose.
 * The sharing record (organization, purpose, every candidate in the file) and the audit event (who, format, filters,
 * row count, the sharing's id) are committed before the first byte leaves: no export goes out unrecorded. To an
 * organization that receives as a controller, only candidates whose consent includes sharing with partners are
 * exported (the count says how many). A download that stops early adds a second event saying how many rows were sent.
 */
export async function exportCandidates(
  viewer: Viewer,
  request: { format: ExportFormat; filters: CandidateFilters; locale: Locale; ipAddress: string | null; organizationId: string; purpose: string },
): Promise<CandidateExport> {
  const { filters, locale } = request;
  const copy = request.format === 'csv' ? csvCopySql(locale) : undefined;
  const sharing = {
    organizationId: request.organizationId,
    purpose: request.purpose,
    audit: { details: { format: request.format, ...auditedFilters(filters), locale }, ipAddress: request.ipAddress },
  };
  const source = copy
    ? await openCandidateCopy(viewer, filters, copy.select, copy.options, sharing)
    : await openCandidateExport(viewer, filters, sharing);
  const details = { ...sharing.audit.details, rows: source.rowCount, sharingId: source.sharingId, organizationId: source.organization.id };
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
    sharingId: source.sharingId,
    onlySharingConsent: source.organization.receivesAs === 'controller',
    filename: `${exportFileName(locale, new Date())}.${request.format}`,
    contentType: contentTypes[request.format],
  };
}
