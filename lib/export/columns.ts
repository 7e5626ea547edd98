import 'server-only';
import { messages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/routing';
import { municipalityName } from '@/lib/municipalities';
import type { ExportRow } from '@/lib/candidates/query';

// The columns of a candidate export, in order, with their type (a CSV writes everything as text, a
// workbook keeps numbers and dates typed). Headers and option labels come from the staff member's language.

export type CellValue = string | number | Date;

export interface ExportColumn {
  key: keyof (typeof messages)['en']['StaffExport']['columns'];
  type: 'string' | 'number' | 'date';
  width: number;
  value(row: ExportRow, labels: Labels): CellValue;
}

interface Labels {
  interest(slug: string): string;
  program(slug: string): string;
  other: string;
}

/** Colombia has kept UTC−5 without daylight saving since 1993: times are shown as its wall clock. */
const bogotaOffsetMs = -5 * 60 * 60 * 1000;
export function toBogotaWallClock(date: Date): Date {
  return new Date(date.getTime() + bogotaOffsetMs);
}

export const exportColumns: readonly ExportColumn[] = [
  { key: 'id', type: 'string', width: 38, value: (r) => r.id },
  { key: 'fullName', type: 'string', width: 30, value: (r) => r.full_name },
  { key: 'email', type: 'string', width: 32, value: (r) => r.email },
  { key: 'phone', type: 'string', width: 18, value: (r) => r.phone },
  { key: 'municipalityCode', type: 'string', width: 12, value: (r) => r.municipality },
  { key: 'municipality', type: 'string', width: 24, value: (r, l) => municipalityName(r.municipality) ?? l.other },
  { key: 'birthYear', type: 'number', width: 10, value: (r) => r.birth_year },
  { key: 'englishLevel', type: 'string', width: 10, value: (r) => r.english_level },
  { key: 'interests', type: 'string', width: 36, value: (r, l) => r.interests.map(l.interest).join('; ') },
  { key: 'programs', type: 'string', width: 40, value: (r, l) => r.programs.map(l.program).join('; ') },
  { key: 'locale', type: 'string', width: 8, value: (r) => r.locale },
  { key: 'signedUpAt', type: 'date', width: 20, value: (r) => r.created_at },
  { key: 'updatedAt', type: 'date', width: 20, value: (r) => r.updated_at },
  { key: 'consentGivenAt', type: 'date', width: 20, value: (r) => r.consent_given_at },
  { key: 'consentPolicyVersion', type: 'string', width: 14, value: (r) => r.consent_policy_version },
];

export function exportHeaders(locale: Locale): string[] {
  return exportColumns.map((c) => messages[locale].StaffExport.columns[c.key]);
}

export function exportLabels(locale: Locale): Labels {
  const options = messages[locale].Options;
  return {
    interest: (slug) => (options.interest as Record<string, string>)[slug] ?? slug,
    program: (slug) => (options.program as Record<string, string>)[slug] ?? slug,
    other: options.municipalityOther,
  };
}

export function exportSheetName(locale: Locale): string {
  return messages[locale].StaffExport.sheetName;
}
