import 'server-only';
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { Locale } from '@/lib/i18n/routing';
import type { ExportRow } from '@/lib/candidates/query';
import { siteWallClock } from '@/lib/time-zone';
import { exportColumnWidth, exportColumns, exportHeaders, exportLabels, exportSheetName, type CellValue } from './columns';
import type { StreamHooks } from './csv';

// A real .xlsx written with exceljs's streaming WorkbookWriter: each row is committed to the zip as soon
// as it is read, with inline strings (shared strings would keep every string in memory until the end).
// Numbers and dates are typed cells. Strings are written as they are, with no formula neutralization: a cell
// typed as a string (t="inlineStr") is text to Excel, LibreOffice and Google Sheets whatever its first character,
// and is never evaluated; the columns' Text format (@) keeps it text if someone edits it. Nothing else in the
// workbook comes from a person: no formulas, hyperlinks or rich text are written, so no cell could run. (The CSV
// is different: there a cell is whatever its characters say, csv.ts.)

function xlsxCell(value: CellValue, type: 'string' | 'number' | 'date'): CellValue {
  if (type === 'date' && value instanceof Date) return siteWallClock(value);
  return value;
}

export function xlsxStream(batches: AsyncGenerator<ExportRow[]>, locale: Locale, hooks: StreamHooks): ReadableStream<Uint8Array> {
  const output = new PassThrough({ highWaterMark: 64 * 1024 });
  const labels = exportLabels(locale);
  let rowsWritten = 0;
  let ended = false;
  let cancelled = false;
  const end = async (complete: boolean, error?: unknown) => {
    if (ended) return;
    ended = true;
    await hooks.onEnd({ rowsWritten, complete, error });
  };

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Bilingual Talent';
  const sheet = workbook.addWorksheet(exportSheetName(locale), { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = exportHeaders(locale);
  sheet.columns = exportColumns.map((column, i) => ({
    header: headers[i],
    key: column.key,
    width: exportColumnWidth(column, headers[i]!),
    style:
      column.type === 'date'
        ? { numFmt: 'yyyy-mm-dd hh:mm:ss' }
        : column.type === 'number'
          ? { numFmt: '0' }
          : { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: exportColumns.length } };

  // exceljs writes the sheet's XML into the zip without waiting for the compressor (its StreamBuf ignores
  // backpressure), so a fast producer would pile the raw XML up in memory. Watch the buffer in front of
  // the compressor and wait while it holds more than ~1 MB.
  const sheetStream = (sheet as unknown as { stream: { pipes?: { writableLength?: number; _writableState?: { length: number } }[] } }).stream;
  const compressorBacklog = () => {
    const target = sheetStream.pipes?.[0];
    return target?.writableLength ?? target?._writableState?.length ?? 0;
  };

  const produce = async () => {
    try {
      for await (const batch of batches) {
        for (const row of batch) {
          sheet.addRow(exportColumns.map((c) => xlsxCell(c.value(row, labels), c.type))).commit();
        }
        rowsWritten += batch.length;
        // Let the zip compress what was written, and wait while the reader is behind, so memory holds
        // about one batch rather than the whole file.
        await new Promise((resolve) => setImmediate(resolve));
        while (compressorBacklog() > 1024 * 1024 && !cancelled) await sleep(2);
        while (output.writableNeedDrain && !cancelled) await once(output, 'drain');
        if (cancelled) return;
      }
      sheet.commit();
      await workbook.commit();
      await end(true);
    } catch (error) {
      await end(false, error);
      output.destroy(error as Error);
    }
  };
  void produce();

  const web = Readable.toWeb(output) as ReadableStream<Uint8Array>;
  // Readable.toWeb has no cancel hook of its own that we can observe: wrap it to stop the producer.
  const reader = web.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      async cancel(reason) {
        cancelled = true;
        output.emit('drain');
        await batches.return(undefined);
        await reader.cancel(reason).catch(() => {});
        await end(false);
      },
    },
    { highWaterMark: 1 },
  );
}
