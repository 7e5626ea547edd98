// The one schema of the Bilingual Talent sign-up form, used by the browser (react-hook-form, instant errors)
// and by the server (which never trusts the browser). Every field is read as the string(s) a form sends;
// error messages are message KEYS under `TalentForm.errors`, translated per request in the page's language.
import { z } from 'zod';
import { englishLevels, interestOptions, programOptions, type EnglishLevel, type Interest, type ProgramSlug } from './options';
import { municipalities, outsideValle } from '../municipalities';
import { siteWallClock } from '../time-zone';
import { toE164 } from './phone';
import { signUpErrorKeys, signUpFields, type SignUpErrorKey, type SignUpField } from './fields';

// Zod compiles object parsers with `new Function` when it may; probing for that in the browser is reported as a
// CSP violation on the form page (whose CSP forbids eval). Interpreted parsing is fast enough for one form.
z.config({ jitless: true });

export const minimumAge = 18;
export const earliestBirthYear = 1900;
const nameLength = { min: 2, max: 120 } as const;
const maxEmailLength = 254;
// Raw input longer than this is refused before any trimming, normalizing or regex work, so a megabyte-long
// field costs one length check. Generous: surrounding spaces and combining marks inflate a real name.
const maxRawLength = 1024;
const maxRawPhoneLength = 64;

/**
 * What a name must not hold: control characters (PostgreSQL refuses NUL in text; the others are invisible or
 * break lines in exports), lone surrogates (stored as U+FFFD, so not what was typed), bidi embeddings,
 * overrides and isolates (they reorder what staff read next to the name), noncharacters, and U+FFFD, which is
 * what a browser or the server's decoder makes of a lone surrogate or of bytes that are not UTF-8.
 */
const forbiddenInName = /[\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069\uFFF9-\uFFFB\uFFFD\uFFFE\uFFFF]/u;

const municipalityCodes = new Set<string>([...municipalities.map((m) => m.code), outsideValle]);

/** The current year in Colombia, where the agency is: the age rule follows its calendar. */
export function currentYearInColombia(now = new Date()): number {
  return siteWallClock(now).getUTCFullYear();
}

/** The latest birth year accepted: whoever was born in `currentYear - 18` turns 18 this year and counts as 18. */
export function latestBirthYear(currentYear: number): number {
  return currentYear - minimumAge;
}

function fail(ctx: z.RefinementCtx, key: SignUpErrorKey): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message: key });
  return z.NEVER;
}

const characters = (value: string) => Array.from(value).length;

let current: { year: number; schema: SignUpSchema } | undefined;

/**
 * The schema for this year in Colombia, built again only when the year turns: building it costs about four
 * times what checking a sign-up with it does, and the sign-up route runs it for every post.
 */
export function signUpSchema() {
  const year = currentYearInColombia();
  if (current?.year !== year) current = { year, schema: createSignUpSchema(year) };
  return current.schema;
}

/** The schema for a given year (tests pin it; the app uses the current year in Colombia). */
export function createSignUpSchema(currentYear = currentYearInColombia()) {
  const latest = latestBirthYear(currentYear);
  return z.object({
    fullName: z.string().transform((raw, ctx) => {
      if (raw.length > maxRawLength) return fail(ctx, 'fullName.tooLong');
      // NFC: the same name typed with combining accents or precomposed letters is stored (and found) the same.
      const value = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
      if (!value) return fail(ctx, 'fullName.required');
      // A name of only invisible characters (zero-width spaces, joiners, marks) is no name.
      if (forbiddenInName.test(value) || !/\p{L}/u.test(value)) return fail(ctx, 'fullName.invalid');
      if (characters(value) < nameLength.min) return fail(ctx, 'fullName.tooShort');
      if (characters(value) > nameLength.max) return fail(ctx, 'fullName.tooLong');
      return value;
    }),
    email: z.string().transform((raw, ctx) => {
      if (raw.length > maxRawLength) return fail(ctx, 'email.invalid');
      const value = raw.trim().toLowerCase();
      if (!value) return fail(ctx, 'email.required');
      if (value.length > maxEmailLength || !z.email().safeParse(value).success) return fail(ctx, 'email.invalid');
      return value;
    }),
    phone: z.string().transform((raw, ctx) => {
      if (raw.length > maxRawPhoneLength) return fail(ctx, 'phone.invalid');
      if (!raw.trim()) return fail(ctx, 'phone.required');
      return toE164(raw) ?? fail(ctx, 'phone.invalid');
    }),
    municipality: z.string().transform((raw, ctx) => {
      return municipalityCodes.has(raw) ? raw : fail(ctx, 'municipality.required');
    }),
    birthYear: z.string().transform((raw, ctx) => {
      if (raw.length > maxRawLength) return fail(ctx, 'birthYear.invalid');
      const value = raw.trim();
      if (!value) return fail(ctx, 'birthYear.required');
      if (!/^\d{4}$/.test(value)) return fail(ctx, 'birthYear.invalid');
      const year = Number(value);
      if (year < earliestBirthYear) return fail(ctx, 'birthYear.tooEarly');
      if (year > latest) return fail(ctx, 'birthYear.underage');
      return year;
    }),
    // An unticked radio group is null in react-hook-form and absent from a posted form.
    englishLevel: z
      .string()
      .nullable()
      .transform((raw, ctx) =>
        (englishLevels as readonly string[]).includes(raw ?? '') ? (raw as EnglishLevel) : fail(ctx, 'englishLevel.required'),
      ),
    interests: z.array(z.string()).transform((raw, ctx) => {
      const chosen = interestOptions.filter((option) => raw.includes(option));
      if (chosen.length === 0 || chosen.length !== new Set(raw).size) return fail(ctx, 'interests.required');
      return chosen as Interest[];
    }),
    programs: z.array(z.string()).transform((raw, ctx) => {
      const chosen = programOptions.filter((option) => raw.includes(option));
      if (chosen.length !== new Set(raw).size) return fail(ctx, 'programs.invalid');
      return chosen as ProgramSlug[];
    }),
    // "I am 18 or older": required, never pre-ticked. The birth year alone cannot tell whether someone born in
    // `currentYear - 18` has had their birthday yet; their own statement can, and it is kept with the consent.
    adult: z.union([z.string(), z.boolean()]).transform((raw, ctx) => (raw === 'yes' ? (true as const) : fail(ctx, 'adult.required'))),
    // A ticked checkbox posts its value, `yes`; react-hook-form gives the value or `false`.
    consent: z.union([z.string(), z.boolean()]).transform((raw, ctx) => (raw === 'yes' ? (true as const) : fail(ctx, 'consent.required'))),
  });
}

export type SignUpSchema = ReturnType<typeof createSignUpSchema>;
/** What the form holds (strings, as typed). */
export type SignUpInput = z.input<SignUpSchema>;
/** What is stored: trimmed, normalized, typed. */
export type SignUpData = z.output<SignUpSchema>;

/** The first error of each field, as message keys. */
export function fieldErrorsOf(error: z.ZodError): Partial<Record<SignUpField, SignUpErrorKey>> {
  const errors: Partial<Record<SignUpField, SignUpErrorKey>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as SignUpField;
    if ((signUpFields as readonly string[]).includes(field) && !errors[field]) {
      errors[field] = (signUpErrorKeys as readonly string[]).includes(issue.message)
        ? (issue.message as SignUpErrorKey)
        : fallbackKey(field);
    }
  }
  return errors;
}

/** A type error (a field posted twice, a file instead of text) gets the field's plainest message. */
function fallbackKey(field: SignUpField): SignUpErrorKey {
  const keys: Record<SignUpField, SignUpErrorKey> = {
    fullName: 'fullName.required',
    email: 'email.invalid',
    phone: 'phone.invalid',
    municipality: 'municipality.required',
    birthYear: 'birthYear.invalid',
    englishLevel: 'englishLevel.required',
    interests: 'interests.required',
    programs: 'programs.invalid',
    adult: 'adult.required',
    consent: 'consent.required',
  };
  return keys[field];
}
