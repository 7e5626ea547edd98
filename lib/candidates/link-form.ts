// The one-field forms that ask for a link by email (My data, a new confirmation link): what travels between the
// form and its server action. Shared by browser and server.

export interface LinkFormState {
  status: 'idle' | 'invalid' | 'rateLimited' | 'unavailable';
  /** What was typed, given back so nothing is lost. */
  email: string;
  /** A message key under TalentForm.errors (the sign-up's own email errors). */
  error?: string;
}

export const initialLinkFormState: LinkFormState = { status: 'idle', email: '' };
