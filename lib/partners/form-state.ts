import type { PartnerFormValues } from './schema';

/** What the partner form's server action returns: the values as typed, and message keys per field. */
export interface PartnerFormState {
  values: PartnerFormValues;
  errors?: Record<string, string>;
  unavailable?: boolean;
  /** The organization just added (the form empties for the next one). */
  saved?: string;
}
