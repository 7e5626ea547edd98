import 'server-only';
import type { Locale } from '@/lib/i18n/routing';
import type { ExportRow } from '@/lib/candidates/query';
import { exportColumns, exportHeaders, exportLabels, toBogotaWallClock, type CellValue } from './columns';
import { neutralizeCell } from './neutralize';

// RFC 4180: comma-separated, CRLF line ends, every text field in double quotes (so commas, quotes and line
// breaks inside one are safe), numbers bare. UTF-8 with a byte-order mark, without which Excel reads the file
// as the system code page and mangles accents (Bogotá, Tuluá). Strings are neutralized against formula
// injection. Written by hand rather than with a CSV library: a million rows spend most of their time here,
// and this is the one quoting rule the export needs (tests/unit/export-csv.test.ts checks it against
// csv-stringify's output).

function quoted(text: string): string {
  return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
}

export function csvField(value: CellValue): string {
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return quoted(toBogotaWallClock(value).toISOString().slice(0, 19).replace('T', ' '));
  return quoted(neutralizeCell(value));
}

export function csvRecord(values: readonly CellValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i ? ',' : '') + csvField(values[i]!);
  return line + '\r\n';
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
        controller.enqueue(encoder.encode('\uFEFF' + csvRecord(exportHeaders(locale))));
      },
      async pull(controller) {
        try {
          const next = await batches.next();
          if (next.done) {
            await end(true);
            controller.close();
            return;
          }
          // One string and one write per batch: a chunk per row would cost more in stream bookkeeping than
          // in formatting.
          let text = '';
          for (const row of next.value) text += csvRecord(exportColumns.map((c) => c.value(row, labels)));
          rowsWritten += next.value.length;
          controller.enqueue(encoder.encode(text));
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
