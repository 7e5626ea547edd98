import { z } from 'zod';

// What an export must name besides its filters (lib/candidates/filters.ts): the format, the partner organization it
// is for and its purpose (Ley 1581 art. 8(c): a candidate may know to whom their data went and why). One schema for
// the export form on /{locale}/staff/candidates and the export URL; issues are message keys
// (`StaffCandidates.exportErrors`).

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportRequestSchema = z.object({
  format: z.enum(exportFormats, 'formatInvalid'),
  organization: z.string().trim().min(1, 'organizationRequired').pipe(z.uuid('organizationUnknown')),
  purpose: z
    .string()
    .transform((value) => value.replace(/[\p{Cc}\p{Cs}]/gu, ' ').replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, 'purposeRequired').max(500, 'purposeTooLong')),
});
export type ExportRequest = z.output<typeof exportRequestSchema>;
export type ExportRequestField = keyof ExportRequest;

/** The values as typed, to put back in the form after an error. */
export interface ExportRequestValues {
  format: string;
  organization: string;
  purpose: string;
}

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function first(params: RawParams, key: string): string {
  const raw = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(raw) ? raw[0] : raw) ?? '';
}

export function exportRequestValues(params: RawParams): ExportRequestValues {
  return { format: first(params, 'format').slice(0, 10), organization: first(params, 'organization').slice(0, 100), purpose: first(params, 'purpose').slice(0, 600) };
}

export type ParsedExportRequest =
  | { ok: true; data: ExportRequest; values: ExportRequestValues }
  | { ok: false; errors: Partial<Record<ExportRequestField, string>>; values: ExportRequestValues };

export function parseExportRequest(params: RawParams): ParsedExportRequest {
  const values = exportRequestValues(params);
  const parsed = exportRequestSchema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: Partial<Record<ExportRequestField, string>> = {};
  for (const issue of parsed.error.issues) errors[issue.path[0] as ExportRequestField] ??= issue.message;
  return { ok: false, errors, values };
}

/** The errors as they ride back to the staff page's query string (`exportErrors=organization:organizationRequired,…`). */
export function exportErrorsToQuery(errors: Partial<Record<ExportRequestField, string>>): string {
  return Object.entries(errors)
    .map(([field, key]) => `${field}:${key}`)
    .join(',');
}

const fields: readonly string[] = ['format', 'organization', 'purpose'];
const keys: readonly string[] = ['formatInvalid', 'organizationRequired', 'organizationUnknown', 'purposeRequired', 'purposeTooLong'];

/** Only known fields and message keys are read back from a query string. */
export function exportErrorsFromQuery(value: string | string[] | undefined): Partial<Record<ExportRequestField, string>> {
  const raw = Array.isArray(value) ? value[0] : value;
  const errors: Partial<Record<ExportRequestField, string>> = {};
  for (const pair of (raw ?? '').split(',')) {
    const [field, key] = pair.split(':');
    if (field && key && fields.includes(field) && keys.includes(key)) errors[field as ExportRequestField] = key;
  }
  return errors;
}
