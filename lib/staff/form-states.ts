// What the staff forms' server actions (./actions.ts, ./security-actions.ts) return, shared with the client forms
// that show it.

export interface SignInState {
  values: { email: string };
  fieldErrors?: Record<string, string>;
  error?: 'invalid' | 'throttled' | 'busy' | 'unavailable';
}

export interface CreateStaffState {
  values: { email: string; name: string; role: string };
  errors?: Record<string, string>;
  created?: { email: string; password: string | null };
  unavailable?: boolean;
}

export interface CodeState {
  error?: string;
  recoveryCodes?: string[];
  continueTo?: string;
}

export interface PasswordState {
  errors?: Record<string, string>;
  /** Said after a change, in the page's language. */
  done?: { message: string };
}

export interface ResetPasswordState {
  generated?: { email: string; password: string };
  error?: 'self' | 'notFound' | 'unavailable';
}
