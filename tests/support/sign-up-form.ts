// A sign-up form as the browser posts it, for tests that call the sign-up directly.
export interface SignUpFields {
  fullName?: string;
  email?: string;
  phone?: string;
  municipality?: string;
  birthYear?: string;
  englishLevel?: string;
  interests?: string[];
  programs?: string[];
  adult?: string;
  consent?: string;
  website?: string;
  noticeSha256?: string;
}

export const validSignUp = {
  fullName: 'Ana María Pérez',
  email: 'ana.perez@example.com',
  phone: '300 123 4567',
  municipality: '76001',
  birthYear: '1998',
  englishLevel: 'B2',
  interests: ['contact-center', 'technology'],
  programs: ['hello-valle'],
  adult: 'yes',
  consent: 'yes',
} satisfies SignUpFields;

export function signUpFormData(fields: SignUpFields = {}): FormData {
  const all: SignUpFields = { ...validSignUp, website: '', ...fields };
  const form = new FormData();
  for (const [name, value] of Object.entries(all)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) form.append(name, v);
    else form.append(name, value);
  }
  return form;
}
