import 'server-only';
import { Prisma } from '@/lib/db/client';
import { messages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/routing';
import { municipalities } from '@/lib/municipalities';
import { siteUtcOffsetHours, siteWallClock } from '@/lib/time-zone';
import type { ExportRow } from '@/lib/candidates/query';
import { neutralizedSql } from './neutralize';
import { exportPhone, exportPhoneSql } from './phone';

// The columns of a candidate export, in order, defined once: each says where its cells come from, and both
// writers are generated from that. The workbook (xlsx.ts) reads `value` for each row in JavaScript; the CSV
// (csv.ts) has PostgreSQL write every row through `sql`, the same rule as an SQL expression over `r`, the export
// row (lib/candidates/query.ts exportRowsSql). Headers and labels are in the staff member's language.

export type CellValue = string | number | Date;

type Field = keyof ExportRow;
type Source =
  /** What a person typed: formula-neutralized in the CSV; a text cell in the workbook, which never runs. */
  | { kind: 'text'; field: Field }
  /** A stored E.164 number, written as (+57) 310 987 6543 (phone.ts). */
  | { kind: 'phone'; field: 'phone' }
  /** A language code, written as the language's name. */
  | { kind: 'language'; field: 'locale' }
  /** The privacy policy's version as "v1.0": a bare 1.0 is the number 1 to a spreadsheet reading a CSV. */
  | { kind: 'version'; field: 'consent_policy_version' }
  /** A value the database constrains (a UUID, an enum, a locale): written as it is. */
  | { kind: 'code'; field: Field }
  | { kind: 'number'; field: Field }
  /** A time, written as the site's wall clock. */
  | { kind: 'date'; field: Field }
  /** The municipality's name, or "other" for a code with no name. */
  | { kind: 'municipality' }
  /** A list of option slugs, each replaced by its label (an unknown slug stays as it is), joined by "; ". */
  | { kind: 'labels'; field: 'interests' | 'programs'; options: 'interest' | 'program' };

type ColumnKey = keyof (typeof messages)['en']['StaffExport']['columns'];

const specs: readonly { key: ColumnKey; width: number; source: Source }[] = [
  { key: 'id', width: 38, source: { kind: 'code', field: 'id' } },
  { key: 'fullName', width: 30, source: { kind: 'text', field: 'full_name' } },
  { key: 'email', width: 32, source: { kind: 'text', field: 'email' } },
  { key: 'phone', width: 20, source: { kind: 'phone', field: 'phone' } },
  { key: 'municipalityCode', width: 12, source: { kind: 'text', field: 'municipality' } },
  { key: 'municipality', width: 24, source: { kind: 'municipality' } },
  { key: 'birthYear', width: 10, source: { kind: 'number', field: 'birth_year' } },
  { key: 'englishLevel', width: 10, source: { kind: 'code', field: 'english_level' } },
  { key: 'interests', width: 36, source: { kind: 'labels', field: 'interests', options: 'interest' } },
  { key: 'programs', width: 40, source: { kind: 'labels', field: 'programs', options: 'program' } },
  { key: 'locale', width: 10, source: { kind: 'language', field: 'locale' } },
  { key: 'signedUpAt', width: 20, source: { kind: 'date', field: 'created_at' } },
  { key: 'updatedAt', width: 20, source: { kind: 'date', field: 'updated_at' } },
  { key: 'consentGivenAt', width: 20, source: { kind: 'date', field: 'consent_given_at' } },
  { key: 'consentPolicyVersion', width: 14, source: { kind: 'version', field: 'consent_policy_version' } },
];

/** The words an export writes in the staff member's language: option labels and municipality names. */
export interface Labels {
  interest: Readonly<Record<string, string>>;
  program: Readonly<Record<string, string>>;
  municipality: Readonly<Record<string, string>>;
  language: Readonly<Record<string, string>>;
  other: string;
}

export interface ExportColumn {
  key: ColumnKey;
  type: 'string' | 'number' | 'date';
  width: number;
  /** The cell for `row`, before the writer's own formatting (neutralization, dates). */
  value(row: ExportRow, labels: Labels): CellValue;
  /** The cell as SQL over `r`, formatted as the CSV writes it: neutralized, labelled, dates as wall-clock text. */
  sql(labels: Labels): Prisma.Sql;
}

// A label only for a key of the record itself: a slug such as "constructor" is not a label.
const own = (record: Readonly<Record<string, string>>, key: string) => (Object.hasOwn(record, key) ? record[key] : undefined);
const column = (field: Field) => Prisma.raw(`r.${field}`);
// date_trunc and a fixed offset: far cheaper per row than a time-zone lookup and to_char. DateStyle is ISO for
// the export's transaction, so the text reads 2026-11-22 10:04:00.
const wallClockSql = (field: Field) =>
  Prisma.sql`date_trunc('second', ${column(field)} AT TIME ZONE 'UTC' + ${Prisma.raw(`interval '${siteUtcOffsetHours} hours'`)})::text`;

function build(spec: (typeof specs)[number]): ExportColumn {
  const { source } = spec;
  switch (source.kind) {
    case 'text':
      return { ...spec, type: 'string', value: (r) => r[source.field] as string, sql: () => neutralizedSql(column(source.field)) };
    case 'phone':
      return { ...spec, type: 'string', value: (r) => exportPhone(r.phone), sql: () => exportPhoneSql(column('phone')) };
    case 'language':
      return {
        ...spec,
        type: 'string',
        value: (r, labels) => own(labels.language, r.locale) ?? r.locale,
        sql: (labels) => {
          const cases = Object.entries(labels.language).map(([code, name]) => Prisma.sql`WHEN ${code} THEN ${name}`);
          return Prisma.sql`CASE r.locale ${Prisma.join(cases, ' ')} ELSE ${neutralizedSql(column('locale'))} END`;
        },
      };
    case 'version':
      return {
        ...spec,
        type: 'string',
        value: (r) => `v${r.consent_policy_version}`,
        sql: () => Prisma.sql`'v' || r.consent_policy_version`,
      };
    case 'code':
      return { ...spec, type: 'string', value: (r) => r[source.field] as string, sql: () => Prisma.sql`${column(source.field)}::text` };
    case 'number':
      return { ...spec, type: 'number', value: (r) => r[source.field] as number, sql: () => column(source.field) };
    case 'date':
      return { ...spec, type: 'date', value: (r) => r[source.field] as Date, sql: () => wallClockSql(source.field) };
    case 'municipality':
      return {
        ...spec,
        type: 'string',
        value: (r, labels) => own(labels.municipality, r.municipality) ?? labels.other,
        sql: (labels) => {
          const cases = Object.entries(labels.municipality).map(([code, name]) => Prisma.sql`WHEN ${code} THEN ${name}`);
          return Prisma.sql`CASE r.municipality ${Prisma.join(cases, ' ')} ELSE ${labels.other} END`;
        },
      };
    case 'labels':
      return {
        ...spec,
        type: 'string',
        value: (r, labels) => (r[source.field] as string[]).map((slug) => own(labels[source.options], slug) ?? slug).join('; '),
        // Whole elements replaced in place (array_replace): the candidate's order is kept, an unknown slug stays,
        // and there is no subquery per row.
        sql: (labels) => {
          const replaced = Object.entries(labels[source.options]).reduce(
            (expression, [slug, label]) => Prisma.sql`array_replace(${expression}, ${slug}, ${label})`,
            column(source.field),
          );
          return Prisma.sql`array_to_string(${replaced}, '; ')`;
        },
      };
  }
}

export const exportColumns: readonly ExportColumn[] = specs.map(build);

export function exportHeaders(locale: Locale): string[] {
  return exportColumns.map((c) => messages[locale].StaffExport.columns[c.key]);
}

export function exportLabels(locale: Locale): Labels {
  const options = messages[locale].Options;
  return {
    interest: options.interest,
    program: options.program,
    municipality: Object.fromEntries(municipalities.map((m) => [m.code, m.name])),
    language: messages[locale].StaffCommon.languages,
    other: options.municipalityOther,
  };
}

export function exportSheetName(locale: Locale): string {
  return messages[locale].StaffExport.sheetName;
}

/** The download's name in the staff member's language, with the site's date and time: candidatos-2026-12-03-1004. */
export function exportFileName(locale: Locale, at: Date): string {
  const stamp = wallClockText(at).slice(0, 16).replace(' ', '-').replace(':', '');
  return `${messages[locale].StaffExport.fileName}-${stamp}`;
}

/** A column's width in the workbook: its usual content, or its header (bold, with the filter button) if wider. */
export function exportColumnWidth(column: ExportColumn, header: string): number {
  return Math.max(column.width, Math.ceil(header.length * 1.1) + 4);
}

/** A time as the exports write it: the site's wall clock, to the second (2026-11-22 10:04:00). */
export function wallClockText(date: Date): string {
  return siteWallClock(date).toISOString().slice(0, 19).replace('T', ' ');
}
