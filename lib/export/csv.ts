import 'server-only';
import { Prisma } from '@/lib/db/client';
import type { Locale } from '@/lib/i18n/routing';
import type { ExportSource } from '@/lib/candidates/query';
import type { Readable } from 'node:stream';
import { exportColumns, exportHeaders, exportLabels, wallClockText, type CellValue } from './columns';
import { neutralizeCell } from './neutralize';

// RFC 4180: comma-separated, CRLF line ends, every text field in double quotes (so commas, quotes and line
// breaks inside one are safe), numbers bare. UTF-8 with a byte-order mark, without which Excel reads the file
// as the system code page and mangles accents (Bogotá, Tuluá). Strings are neutralized against formula
// injection. `csvRecord` is that rule in JavaScript (the header, and the reference the rows are held to:
// tests/unit/export-csv.test.ts checks it against csv-stringify, tests/integration/staff-export checks COPY's
// output against it).

function quoted(text: string): string {
  return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
}

export function csvField(value: CellValue): string {
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return quoted(wallClockText(value));
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

// The rows themselves are written by PostgreSQL (`COPY … TO STDOUT WITH CSV`): a million rows then cost what the
// database takes to produce them, not a parse into objects and a format back in JavaScript. Each column's SQL
// comes from its definition in columns.ts; COPY quotes every text column (FORCE_QUOTE) as csvRecord does, and this
// module writes the BOM and header and turns COPY's LF into CRLF.
export function csvCopySql(locale: Locale): { select: Prisma.Sql; options: Prisma.Sql } {
  const labels = exportLabels(locale);
  const texts = exportColumns.flatMap((c, i) => (c.type === 'number' ? [] : [Prisma.raw(`f${i}`)]));
  return {
    select: Prisma.join(exportColumns.map((c, i) => Prisma.sql`${c.sql(labels)} AS ${Prisma.raw(`f${i}`)}`)),
    options: Prisma.sql`FORMAT csv, FORCE_QUOTE (${Prisma.join(texts)})`,
  };
}

/** COPY ends records with LF; RFC 4180 and Excel want CRLF. Line breaks inside quoted fields stay as they are. */
export function crlfRecords() {
  let quoted = false;
  return {
    records: 0,
    convert(chunk: Buffer): Buffer {
      const ends: number[] = [];
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i];
        if (byte === 0x22) quoted = !quoted;
        else if (byte === 0x0a && !quoted) ends.push(i);
      }
      this.records += ends.length;
      if (ends.length === 0) return chunk;
      const out = Buffer.allocUnsafe(chunk.length + ends.length);
      let from = 0;
      let at = 0;
      for (const end of ends) {
        at += chunk.copy(out, at, from, end);
        out[at++] = 0x0d;
        out[at++] = 0x0a;
        from = end + 1;
      }
      chunk.copy(out, at, from);
      return out;
    },
  };
}

/**
 * A byte stream of the export as CSV, read from PostgreSQL as the client reads (COPY's stream pauses while
 * the client is behind): the header goes out at once and memory holds a chunk or two whatever the size.
 */
export function csvStream(source: Pick<ExportSource, 'close'> & { stream: Readable }, locale: Locale, hooks: StreamHooks): ReadableStream<Uint8Array> {
  const lines = crlfRecords();
  let ended = false;
  const end = async (complete: boolean, error?: unknown) => {
    if (ended) return;
    ended = true;
    await source.close();
    await hooks.onEnd({ rowsWritten: lines.records, complete, error });
  };
  const chunks = (source.stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(Buffer.from('\uFEFF' + csvRecord(exportHeaders(locale))));
      },
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) {
            await end(true);
            controller.close();
            return;
          }
          controller.enqueue(lines.convert(next.value));
        } catch (error) {
          await end(false, error);
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return?.();
        await end(false);
      },
    },
    { highWaterMark: 1 },
  );
}
