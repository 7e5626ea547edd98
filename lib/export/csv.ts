import 'server-only';
import { stringify } from 'csv-stringify/sync';
import type { Locale } from '@/lib/i18n/routing';
import type { ExportRow } from '@/lib/candidates/query';
import { exportColumns, exportHeaders, exportLabels, toBogotaWallClock, type CellValue } from './columns';
import { neutralizeCell } from './neutralize';

// RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line breaks in double quotes.
// UTF-8 with a byte-order mark, without which Excel reads the file as the system code page and mangles
// accents (Bogotá, Tuluá). Strings are neutralized against formula injection.
const options = { record_delimiter: 'windows', quoted_string: true } as const;

function csvCell(value: CellValue): string | number {
  if (typeof value === 'number') return value;
  if (value instanceof Date) return toBogotaWallClock(value).toISOString().slice(0, 19).replace('T', ' ');
  return neutralizeCell(value);
}

export interface StreamHooks {
  /** Called once when the last row was written (`complete`) or the download stopped early. */
  onEnd(result: { rowsWritten: number; complete: boolean; error?: unknown }): void | Promise<void>;
}

/**
 * A byte stream that pulls one batch of rows at a time from `batches` as the client reads: the header
 * goes out at once and memory holds one batch whatever the number of rows.
 */
export function csvStream(batches: AsyncGenerator<ExportRow[]>, locale: Locale, hooks: StreamHooks): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const labels = exportLabels(locale);
  let rowsWritten = 0;
  let ended = false;
  const end = async (complete: boolean, error?: unknown) => {
    if (ended) return;
    ended = true;
    await hooks.onEnd({ rowsWritten, complete, error });
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode('\uFEFF' + stringify([exportHeaders(locale)], options)));
      },
      async pull(controller) {
        try {
          const next = await batches.next();
          if (next.done) {
            await end(true);
            controller.close();
            return;
          }
          const records = next.value.map((row) => exportColumns.map((c) => csvCell(c.value(row, labels))));
          rowsWritten += records.length;
          controller.enqueue(encoder.encode(stringify(records, options)));
        } catch (error) {
          await batches.return(undefined);
          await end(false, error);
          controller.error(error);
        }
      },
      async cancel() {
        await batches.return(undefined);
        await end(false);
      },
    },
    { highWaterMark: 1 },
  );
}
