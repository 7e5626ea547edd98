// The incident register's inputs (admins), shared by the form and the server. Errors are message keys under
// `StaffIncidents.errors`.
import { z } from 'zod';
import { requestText } from '../requests/schema';

export const incidentStatuses = ['open', 'contained', 'closed'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

/** A `datetime-local` value read as the wall clock in Colombia (UTC−5), not in the future. */
export function colombianMoment(now: () => Date = () => new Date()) {
  return z.string().transform((raw, ctx) => {
    const value = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(raw) ? new Date(`${raw}:00-05:00`) : null;
    if (!value || Number.isNaN(value.getTime()) || value.getUTCFullYear() < 2000) {
      ctx.addIssue({ code: 'custom', message: 'when.invalid' });
      return z.NEVER;
    }
    if (value.getTime() > now().getTime() + 60_000) {
      ctx.addIssue({ code: 'custom', message: 'when.future' });
      return z.NEVER;
    }
    return value;
  });
}

export function recordIncidentSchema(now?: () => Date) {
  return z.object({
    summary: requestText,
    detectedAt: colombianMoment(now),
    personalDataAffected: z.string().transform((raw) => raw === 'yes'),
  });
}

export function updateIncidentSchema(now?: () => Date) {
  return z.object({
    status: z.enum(incidentStatuses, 'status.invalid'),
    // Empty: not reported yet.
    reportedToSicAt: z.union([z.literal('').transform(() => null), colombianMoment(now)]),
  });
}

export const incidentErrorKeys = ['text.required', 'text.tooLong', 'when.invalid', 'when.future', 'status.invalid'] as const;
export type IncidentErrorKey = (typeof incidentErrorKeys)[number];

export function incidentFieldErrors(error: z.ZodError): Record<string, IncidentErrorKey> {
  const errors: Record<string, IncidentErrorKey> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (errors[field]) continue;
    errors[field] = (incidentErrorKeys as readonly string[]).includes(issue.message) ? (issue.message as IncidentErrorKey) : 'when.invalid';
  }
  return errors;
}
