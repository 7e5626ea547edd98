// What the opportunity form's server action returns, shared with the client form that shows it.
import type { OpportunityErrorKey, OpportunityFormValues } from './schema';

export interface OpportunityFormState {
  values: OpportunityFormValues;
  errors?: Record<string, OpportunityErrorKey>;
  unavailable?: boolean;
}
