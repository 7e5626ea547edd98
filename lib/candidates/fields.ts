// The sign-up form's field names and error keys, without zod: the form's page needs them at once, while the
// schema (zod and phone metadata, most of that page's script) loads only when someone starts filling it in.

/** Field names: a contract with the HTML form, which must also work without JavaScript. */
export const signUpFields = [
  'fullName',
  'email',
  'phone',
  'municipality',
  'birthYear',
  'englishLevel',
  'interests',
  'programs',
  'adult',
  'consent',
] as const;
export type SignUpField = (typeof signUpFields)[number];

/** The honeypot: hidden from people and assistive technology, so only robots fill it in. */
export const honeypotField = 'website';
/** The hash of the privacy notice the page showed, so consent is recorded against the text actually read. */
export const noticeField = 'noticeSha256';

export const signUpErrorKeys = [
  'fullName.required',
  'fullName.tooShort',
  'fullName.tooLong',
  'fullName.invalid',
  'email.required',
  'email.invalid',
  'phone.required',
  'phone.invalid',
  'municipality.required',
  'birthYear.required',
  'birthYear.invalid',
  'birthYear.tooEarly',
  'birthYear.underage',
  'englishLevel.required',
  'interests.required',
  'programs.invalid',
  'adult.required',
  'consent.required',
  'consent.noticeChanged',
] as const;
export type SignUpErrorKey = (typeof signUpErrorKeys)[number];
