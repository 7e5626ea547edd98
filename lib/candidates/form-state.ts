// What travels between the sign-up form and the server: the values exactly as typed (so nothing is lost when
// the form comes back with an error) and the errors as message keys. Shared by browser and server.
import { honeypotField, noticeField, type SignUpErrorKey, type SignUpField } from './fields';
import type { SignUpInput } from './schema';

/** The form's contents as the person left them. */
export interface SignUpValues {
  fullName: string;
  email: string;
  phone: string;
  municipality: string;
  birthYear: string;
  englishLevel: string;
  interests: string[];
  programs: string[];
  /** "I am 18 or older", ticked or not. */
  adult: boolean;
  consent: boolean;
}

export type SignUpStatus =
  /** Nothing submitted yet. */
  | 'idle'
  /** Some fields are wrong: see `fieldErrors`. */
  | 'invalid'
  /** Too many attempts from this address: try again later. */
  | 'rateLimited'
  /** The registration could not be saved (database unreachable, or a failure on the way): try again. */
  | 'unavailable'
  /** The request was larger than any genuine form can be. */
  | 'tooLarge';

export interface SignUpFormState {
  status: SignUpStatus;
  values: SignUpValues;
  fieldErrors: Partial<Record<SignUpField, SignUpErrorKey>>;
  /** Refused for too many attempts: when one is accepted again (ISO 8601), so the form can say when. */
  retryAt?: string;
  /** Which limit refused it: this network's, or this email address's (it has been sent several mails already). */
  limitedBy?: 'address' | 'email';
}

export function emptySignUpValues(preselectedProgram?: string): SignUpValues {
  return {
    fullName: '',
    email: '',
    phone: '',
    municipality: '',
    birthYear: '',
    englishLevel: '',
    interests: [],
    programs: preselectedProgram ? [preselectedProgram] : [],
    adult: false,
    consent: false,
  };
}

export function initialSignUpState(preselectedProgram?: string): SignUpFormState {
  return { status: 'idle', values: emptySignUpValues(preselectedProgram), fieldErrors: {} };
}

// Echoed values are bounded: a form is small, and the state may travel in a header (no-JS error page).
const maxEcho = 300;
const maxChoices = 10;

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value.slice(0, maxEcho) : '';
}

function choices(formData: FormData, name: string): string[] {
  return formData
    .getAll(name)
    .filter((v): v is string => typeof v === 'string')
    .slice(0, maxChoices)
    .map((v) => v.slice(0, 64));
}

/** The values of a posted form, as typed. */
export function signUpValuesFrom(formData: FormData): SignUpValues {
  return {
    fullName: text(formData, 'fullName'),
    email: text(formData, 'email'),
    phone: text(formData, 'phone'),
    municipality: text(formData, 'municipality'),
    birthYear: text(formData, 'birthYear'),
    englishLevel: text(formData, 'englishLevel'),
    interests: choices(formData, 'interests'),
    programs: choices(formData, 'programs'),
    adult: formData.get('adult') === 'yes',
    consent: formData.get('consent') === 'yes',
  };
}

/** A posted form as the schema reads it. Unlike `signUpValuesFrom`, nothing is cut short: the schema judges. */
export function signUpInputFrom(formData: FormData): SignUpInput {
  const raw = (name: string) => {
    const all = formData.getAll(name);
    // A field sent twice is tampering; an empty string makes it fail like a missing one.
    return all.length === 1 && typeof all[0] === 'string' ? all[0] : '';
  };
  const list = (name: string) => formData.getAll(name).map((v) => (typeof v === 'string' ? v : ''));
  return {
    fullName: raw('fullName'),
    email: raw('email'),
    phone: raw('phone'),
    municipality: raw('municipality'),
    birthYear: raw('birthYear'),
    englishLevel: formData.has('englishLevel') ? raw('englishLevel') : null,
    interests: list('interests'),
    programs: list('programs'),
    adult: raw('adult'),
    consent: raw('consent'),
  };
}

export function honeypotFrom(formData: FormData): string {
  const value = formData.get(honeypotField);
  return typeof value === 'string' ? value : '';
}

export function noticeShaFrom(formData: FormData): string | null {
  const value = formData.get(noticeField);
  return typeof value === 'string' && value ? value : null;
}
