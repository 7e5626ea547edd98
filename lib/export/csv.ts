import 'server-only';
import type { Locale } from '@/lib/i18n/routing';
import { messages } from '@/lib/i18n/messages';
import type { ExportSource } from '@/lib/candidates/query';
import { municipalities } from '@/lib/municipalities';
import { exportColumns, exportHeaders, toBogotaWallClock, type CellValue, type ExportColumn } from './columns';
import { neutralizeCell } from './neutralize';

// RFC 4180: comma-separated, CRLF line ends, every text field in double quotes (so commas, quotes and line
// breaks inside one are safe), numbers bare. UTF-8 with a byte-order mark, without which Excel reads the file
// as the system code page and mangles accents (Bogotá, Tuluá). Strings are neutralized against formula
// injection. `csvRecord` is that rule in JavaScript (the header, and the reference the SQL below is held to;
// tests/unit/export-csv.test.ts checks it against csv-stringify's output).

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

// The rows themselves are written by PostgreSQL (`COPY … TO STDOUT WITH CSV`): a million rows then cost
// what the database takes to produce them, not a parse into objects and a format back in JavaScript. The SQL
// below gives exactly what `csvRecord` gives for the same row (tests/integration/staff-export*.test.ts read
// the result): labels in the staff member's language, times as Bogotá wall-clock text, text neutralized,
// every text field quoted; this module writes the BOM and header and turns COPY's LF into CRLF.
function sqlText(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function neutralized(expression: string): string {
  return `CASE WHEN left(${expression}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || ${expression} ELSE ${expression} END`;
}

// Colombia keeps UTC−5 all year (as toBogotaWallClock): a fixed offset and the ISO text of a timestamp cost far
// less per row than a time-zone lookup and to_char. DateStyle is set to ISO for the export's transaction.
function wallClock(expression: string): string {
  return `date_trunc('second', ${expression} AT TIME ZONE 'UTC' - interval '5 hours')::text`;
}

function mapped(expression: string, labels: Record<string, string>, otherwise: string): string {
  const cases = Object.entries(labels).map(([key, label]) => `WHEN ${sqlText(key)} THEN ${sqlText(label)}`);
  return `CASE ${expression} ${cases.join(' ')} ELSE ${otherwise} END`;
}

// Whole elements replaced in place (array_replace), so the candidate's order is kept and an unknown slug stays
// as it is, like the JavaScript labels; no subquery per row. Slugs were checked against the options at sign-up,
// so a list of labels never starts with a formula sign.
function labelList(column: string, labels: Record<string, string>): string {
  const replaced = Object.entries(labels).reduce(
    (expression, [key, label]) => `array_replace(${expression}, ${sqlText(key)}, ${sqlText(label)})`,
    column,
  );
  return `array_to_string(${replaced}, '; ')`;
}

export function csvColumnsSql(locale: Locale): { columns: string; options: string } {
  const options = messages[locale].Options;
  const names = Object.fromEntries(municipalities.map((m) => [m.code, m.name]));
  const sql: Record<ExportColumn['key'], string> = {
    id: 'c.id::text',
    fullName: neutralized('c.full_name'),
    email: neutralized('c.email'),
    phone: neutralized('c.phone'),
    municipalityCode: neutralized('c.municipality'),
    municipality: mapped('c.municipality', names, sqlText(options.municipalityOther)),
    birthYear: 'c.birth_year',
    englishLevel: 'c.english_level::text',
    interests: labelList('c.interests', options.interest),
    programs: labelList('c.programs', options.program),
    locale: 'c.locale',
    signedUpAt: wallClock('c.created_at'),
    updatedAt: wallClock('c.updated_at'),
    consentGivenAt: wallClock('lc.given_at'),
    consentPolicyVersion: neutralized('lc.policy_version'),
  };
  const quoted = exportColumns.flatMap((c, i) => (c.type === 'number' ? [] : [`f${i}`]));
  return {
    columns: exportColumns.map((c, i) => `${sql[c.key]} AS f${i}`).join(', '),
    options: `FORMAT csv, FORCE_QUOTE (${quoted.join(', ')})`,
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
export function csvStream(source: Pick<ExportSource, 'copyCsv' | 'close'>, locale: Locale, hooks: StreamHooks): ReadableStream<Uint8Array> {
  const { columns, options } = csvColumnsSql(locale);
  const lines = crlfRecords();
  let ended = false;
  const end = async (complete: boolean, error?: unknown) => {
    if (ended) return;
    ended = true;
    await source.close();
    await hooks.onEnd({ rowsWritten: lines.records, complete, error });
  };
  let chunks: AsyncIterator<Buffer> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(Buffer.from('\uFEFF' + csvRecord(exportHeaders(locale))));
      },
      async pull(controller) {
        try {
          chunks ??= (source.copyCsv(columns, options) as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
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
        await chunks?.return?.();
        await end(false);
      },
    },
    { highWaterMark: 1 },
  );
}
