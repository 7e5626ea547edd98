// The incident register's inputs (admins), shared by the form and the server. Errors are message keys under
// `StaffIncidents.errors`.
import { z } from 'zod';
import { requestText } from '../requests/schema';
import { colombianMoment } from '../form-dates';

export const incidentStatuses = ['open', 'contained', 'closed'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

export function recordIncidentSchema(now?: () => Date) {
  return z.object({
    summary: requestText,
    detectedAt: colombianMoment('when', now),
    personalDataAffected: z.string().transform((raw) => raw === 'yes'),
  });
}

export function updateIncidentSchema(now?: () => Date) {
  return z.object({
    status: z.enum(incidentStatuses, 'status.invalid'),
    // Empty: not reported yet.
    reportedToSicAt: z.union([z.literal('').transform(() => null), colombianMoment('when', now)]),
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
