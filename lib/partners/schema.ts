import { z } from 'zod';

// A partner organization as admins type it on /{locale}/staff/partners, shared by the form and the server. Issues
// are message keys (under `StaffPartners.errors`).

export const partnerKinds = ['employer', 'training_provider', 'public_body', 'other'] as const;
export type PartnerKind = (typeof partnerKinds)[number];

/**
 * Decreto 1377: a processor (encargado) handles the data on the agency's behalf and under its instructions; a
 * controller (responsable) decides its own uses, so it may only receive candidates who authorized sharing with
 * partners.
 */
export const partnerReceivesAs = ['processor', 'controller'] as const;
export type PartnerReceivesAs = (typeof partnerReceivesAs)[number];

export const partnerSchema = z.object({
  name: z.string().trim().min(1, 'nameRequired').max(200, 'nameTooLong'),
  kind: z.enum(partnerKinds, 'kindInvalid'),
  // ISO 3166-1 alpha-2: a transfer abroad (Ley 1581 art. 26) shows in the list.
  country: z
    .string()
    .trim()
    .min(1, 'countryRequired')
    .transform((value) => value.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, 'countryInvalid')),
  receivesAs: z.enum(partnerReceivesAs, 'receivesAsInvalid'),
  agreementReference: z
    .string()
    .trim()
    .max(200, 'agreementTooLong')
    .transform((value) => (value === '' ? null : value)),
});

export type PartnerInput = z.input<typeof partnerSchema>;
export type PartnerData = z.output<typeof partnerSchema>;

/** The values as typed (strings), echoed back to the form after an error so nothing typed is lost. */
export interface PartnerFormValues {
  name: string;
  kind: string;
  country: string;
  receivesAs: string;
  agreementReference: string;
}

export const emptyPartnerValues: PartnerFormValues = { name: '', kind: 'employer', country: 'CO', receivesAs: 'processor', agreementReference: '' };

export function partnerValuesFrom(form: FormData): PartnerFormValues {
  const text = (key: keyof PartnerFormValues, max: number) => String(form.get(key) ?? '').slice(0, max);
  return {
    name: text('name', 400),
    kind: text('kind', 40),
    country: text('country', 10),
    receivesAs: text('receivesAs', 40),
    agreementReference: text('agreementReference', 400),
  };
}

/** The first issue per field, as a message key. */
export function partnerFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? 'form')] ??= issue.message;
  return out;
}
