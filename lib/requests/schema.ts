// The request register's inputs, one zod schema each, shared by the forms and the server. Errors are message keys
// under `Requests.errors`.
import { z } from 'zod';
import { colombianMoment } from '../form-dates';

export const requestKinds = ['consulta', 'reclamo'] as const;
export const requestSubjects = ['access', 'update', 'rectification', 'revocation', 'deletion', 'other'] as const;
/** Channels staff record a request from; `my_data` is the candidate's own page. */
export const staffChannels = ['email', 'letter', 'phone', 'in_person'] as const;
export const requestStatuses = ['open', 'awaiting_info', 'resolved', 'withdrawn'] as const;
export type RequestSubject = (typeof requestSubjects)[number];
export type RequestStatus = (typeof requestStatuses)[number];
export type StaffChannel = (typeof staffChannels)[number];

export const requestErrorKeys = [
  'text.required',
  'text.tooLong',
  'kind.invalid',
  'subject.invalid',
  'channel.invalid',
  'receivedAt.invalid',
  'receivedAt.future',
] as const;
export type RequestErrorKey = (typeof requestErrorKeys)[number];

export const maxRequestText = 4000;

/** Free text (a reclamo, a reason, an answer): trimmed, required, at most 4000 characters, no control characters but line breaks. */
export const requestText = z.string().transform((raw, ctx) => {
  const value = raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
  if (!value) {
    ctx.addIssue({ code: 'custom', message: 'text.required' });
    return z.NEVER;
  }
  if (Array.from(value).length > maxRequestText) {
    ctx.addIssue({ code: 'custom', message: 'text.tooLong' });
    return z.NEVER;
  }
  return value;
});

/** A reclamo the candidate files from My data. */
export const reclamoSchema = z.object({
  subject: z.enum(requestSubjects, 'subject.invalid'),
  description: requestText,
});

/** A request staff record from an email, a letter, a call or a visit. */
export function recordRequestSchema(now: () => Date = () => new Date()) {
  return z.object({
    kind: z.enum(requestKinds, 'kind.invalid'),
    subject: z.enum(requestSubjects, 'subject.invalid'),
    channel: z.enum(staffChannels, 'channel.invalid'),
    receivedAt: colombianMoment('receivedAt', now),
    description: requestText,
  });
}

/** The first error of each field, as message keys. */
export function requestFieldErrors(error: z.ZodError): Record<string, RequestErrorKey> {
  const errors: Record<string, RequestErrorKey> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (errors[field]) continue;
    errors[field] = (requestErrorKeys as readonly string[]).includes(issue.message) ? (issue.message as RequestErrorKey) : 'text.required';
  }
  return errors;
}

/** Self-service actions and the requests they are: seeing one's data is a consulta, changing it a reclamo. */
export function kindOfSubject(subject: RequestSubject): 'consulta' | 'reclamo' {
  return subject === 'access' ? 'consulta' : 'reclamo';
}

/** The time a `datetime-local` field shows for `date`, in Colombia. */
export function datetimeLocalValue(date: Date): string {
  return new Date(date.getTime() - 5 * 3_600_000).toISOString().slice(0, 16);
}
