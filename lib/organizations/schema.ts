// The one schema of the organizations' form, for the server (the form is plain HTML). Errors are message keys
// under `OrganizationForm.errors`.
import { z } from 'zod';
import { toE164 } from '../candidates/phone';
import {
  messageMaxLength,
  organizationErrorKeys,
  organizationFields,
  organizationKinds,
  organizationPurposes,
  type OrganizationErrorKey,
  type OrganizationField,
  type OrganizationKind,
  type OrganizationPurpose,
} from './fields';

// As in a candidate's name: no control characters, lone surrogates, bidi controls or replacement characters.
const forbidden = /[\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069\uFFF9-\uFFFB\uFFFD\uFFFE\uFFFF]/u;
// A message keeps its line breaks.
const forbiddenInMessage = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\p{Cs}\u202A-\u202E\u2066-\u2069\uFFF9-\uFFFB\uFFFD\uFFFE\uFFFF]/u;

function fail(ctx: z.RefinementCtx, key: OrganizationErrorKey): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message: key });
  return z.NEVER;
}

const name = (field: 'organization' | 'contactName') =>
  z.string().transform((raw, ctx) => {
    if (raw.length > 1024) return fail(ctx, `${field}.tooLong`);
    const value = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
    if (!value) return fail(ctx, `${field}.required`);
    if (forbidden.test(value) || !/\p{L}/u.test(value)) return fail(ctx, `${field}.invalid`);
    if (Array.from(value).length > 160) return fail(ctx, `${field}.tooLong`);
    return value;
  });

export const organizationSchema = z.object({
  organization: name('organization'),
  kind: z.string().transform((raw, ctx) =>
    (organizationKinds as readonly string[]).includes(raw) ? (raw as OrganizationKind) : fail(ctx, 'kind.required'),
  ),
  contactName: name('contactName'),
  email: z.string().transform((raw, ctx) => {
    if (raw.length > 1024) return fail(ctx, 'email.invalid');
    const value = raw.trim().toLowerCase();
    if (!value) return fail(ctx, 'email.required');
    if (value.length > 254 || !z.email().safeParse(value).success) return fail(ctx, 'email.invalid');
    return value;
  }),
  phone: z.string().transform((raw, ctx) => {
    if (raw.length > 64) return fail(ctx, 'phone.invalid');
    if (!raw.trim()) return fail(ctx, 'phone.required');
    return toE164(raw) ?? fail(ctx, 'phone.invalid');
  }),
  purposes: z.array(z.string()).transform((raw, ctx) => {
    const chosen = organizationPurposes.filter((purpose) => raw.includes(purpose));
    if (chosen.length === 0 || chosen.length !== new Set(raw).size) return fail(ctx, 'purposes.required');
    return chosen as OrganizationPurpose[];
  }),
  message: z.string().transform((raw, ctx) => {
    const value = raw.normalize('NFC').replace(/\r\n?/g, '\n').trim();
    if (Array.from(value).length > messageMaxLength) return fail(ctx, 'message.tooLong');
    if (forbiddenInMessage.test(value)) return fail(ctx, 'message.invalid');
    return value;
  }),
  consent: z.string().transform((raw, ctx) => (raw === 'yes' ? (true as const) : fail(ctx, 'consent.required'))),
});

export type OrganizationInput = z.input<typeof organizationSchema>;
export type OrganizationData = z.output<typeof organizationSchema>;

export function organizationFieldErrors(error: z.ZodError): Partial<Record<OrganizationField, OrganizationErrorKey>> {
  const errors: Partial<Record<OrganizationField, OrganizationErrorKey>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as OrganizationField;
    if (!(organizationFields as readonly string[]).includes(field) || errors[field]) continue;
    errors[field] = (organizationErrorKeys as readonly string[]).includes(issue.message)
      ? (issue.message as OrganizationErrorKey)
      : (organizationErrorKeys.find((key) => key.startsWith(`${field}.`)) ?? 'organization.required');
  }
  return errors;
}
