// Property-based: the sign-up against real PostgreSQL with arbitrary and hostile forms and request bodies.
// Whatever arrives, the sign-up answers (an exception here is a 500 for the person), and every row it stores
// is one the schema accepts again unchanged: normalized, and text PostgreSQL keeps as it was sent.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signUp, type SignUpOutcome } from '@/lib/candidates/sign-up';
import { signUpErrorKeys } from '@/lib/candidates/fields';
import { createSignUpSchema, fieldErrorsOf, type SignUpData, type SignUpInput } from '@/lib/candidates/schema';
import { signUpInputFrom } from '@/lib/candidates/form-state';
import { signUpBodyLimitBytes } from '@/lib/candidates/limits';
import { readFormData } from '@/lib/security/form-post';
import { perTestDatabase } from '../support/test-database.ts';
import { validSignUp } from '../support/sign-up-form.ts';
import { hostileField, hostileText } from '../support/hostile-strings.ts';

const testDb = perTestDatabase();
const schema = createSignUpSchema();

beforeEach(() => {
  // Hundreds of attempts from a handful of addresses: the rate limit has its own tests.
  process.env.SIGNUP_RATE_LIMIT_POINTS = '100000';
  process.env.SIGNUP_EMAIL_RATE_LIMIT_POINTS = '100000';
});
afterEach(() => {
  delete process.env.SIGNUP_RATE_LIMIT_POINTS;
  delete process.env.SIGNUP_EMAIL_RATE_LIMIT_POINTS;
});

type Fields = Record<string, string[]>;

/** Each field: as a person fills it in, hostile, sent twice, or missing. */
const fieldValues = (valid: readonly string[]): fc.Arbitrary<string[]> =>
  fc.oneof(
    { arbitrary: fc.constant<string[]>([...valid]), weight: 4 },
    { arbitrary: hostileField().map((value) => [value]), weight: 3 },
    { arbitrary: fc.array(hostileText(12), { minLength: 2, maxLength: 3 }), weight: 1 },
    { arbitrary: fc.constant<string[]>([]), weight: 1 },
  );

const validFields: Fields = Object.fromEntries(Object.entries({ ...validSignUp, website: '' }).map(([name, value]) => [name, [value].flat()]));

const hostileValues = fc.record({
  fullName: fc.oneof(fieldValues([validSignUp.fullName]), hostileText(30).map((name) => [`Ana ${name}`])),
  email: fc.oneof(fieldValues([validSignUp.email]), fc.constantFrom('Ana@Example.com', ' PEDRO@example.org ', '\u212aelvin@example.com').map((e) => [e])),
  phone: fieldValues([validSignUp.phone]),
  municipality: fieldValues([validSignUp.municipality]),
  birthYear: fieldValues([validSignUp.birthYear]),
  englishLevel: fieldValues([validSignUp.englishLevel]),
  interests: fieldValues(validSignUp.interests),
  programs: fieldValues(validSignUp.programs),
  adult: fieldValues([validSignUp.adult]),
  consent: fieldValues([validSignUp.consent]),
  website: hostileText(8).map((value) => [value]),
});

/** A valid form with the name and up to two other fields made hostile, so that both outcomes are common. */
const hostileForm: fc.Arbitrary<Fields> = fc
  .tuple(hostileValues, fc.subarray(Object.keys(validFields).filter((name) => name !== 'fullName'), { maxLength: 2 }))
  .map(([hostile, chosen]): Fields => ({
    ...validFields,
    fullName: hostile.fullName,
    ...Object.fromEntries(chosen.map((name) => [name, hostile[name as keyof typeof hostile]])),
  }));

function formDataOf(fields: Fields): FormData {
  const form = new FormData();
  for (const [name, values] of Object.entries(fields)) for (const value of values) form.append(name, value);
  return form;
}

/** The sign-up never throws: it succeeds, or refuses with a status the page knows and message keys it can show. */
function expectAnswered(outcome: SignUpOutcome) {
  if (outcome.ok) return;
  expect(['invalid', 'rateLimited', 'unavailable', 'tooLarge']).toContain(outcome.state.status);
  for (const key of Object.values(outcome.state.fieldErrors)) expect(signUpErrorKeys).toContain(key);
}

interface StoredRow {
  email: string;
  full_name: string;
  phone: string;
  municipality: string;
  birth_year: number;
  english_level: SignUpData['englishLevel'];
  interests: string[];
  programs: string[];
}

const columns = 'email, full_name, phone, municipality, birth_year, english_level, interests, programs';

/** A stored row as the form would send it: the schema must accept it and give back the very same values. */
function expectRevalidates(row: StoredRow) {
  const input: SignUpInput = {
    fullName: row.full_name,
    email: row.email,
    phone: row.phone,
    municipality: row.municipality,
    birthYear: String(row.birth_year),
    englishLevel: row.english_level,
    interests: row.interests,
    programs: row.programs,
    adult: 'yes',
    consent: 'yes',
  };
  const result = schema.safeParse(input);
  expect(result.success ? {} : fieldErrorsOf(result.error)).toEqual({});
  expect(result.data).toEqual({ ...input, birthYear: row.birth_year, adult: true, consent: true });
}

let nextAddress = 1;

describe('sign-up against hostile forms (property-based, real PostgreSQL)', () => {
  it('never throws, stores exactly the accepted forms, normalized, and every stored row re-validates', async () => {
    const accepted: SignUpData[] = [];
    const userAgents: string[] = [];
    await fc.assert(
      fc.asyncProperty(hostileForm, hostileText(20), async (fields, userAgent) => {
        const formData = formDataOf(fields);
        const outcome = await signUp({
          locale: 'es',
          formData,
          clientAddress: `198.18.0.${nextAddress++ % 250}`,
          userAgent,
        });
        expectAnswered(outcome);
        const parsed = schema.safeParse(signUpInputFrom(formData));
        expect(outcome.ok).toBe(parsed.success);
        if (parsed.success && fields.website!.every((value) => value.trim() === '')) {
          accepted.push(parsed.data);
          userAgents.push(userAgent);
        }
      }),
      { numRuns: 40 },
    );
    expect(accepted.length).toBeGreaterThan(5);

    const submissions = await testDb.query<StoredRow>(`SELECT ${columns} FROM submissions ORDER BY created_at, id`);
    const candidates = await testDb.query<StoredRow>(`SELECT ${columns} FROM candidates`);
    for (const row of [...submissions, ...candidates]) expectRevalidates(row);

    // Exactly what the schema accepted was stored, in its normalized form (one submission per accepted form).
    const asRow = (d: SignUpData) => [d.email, d.fullName, d.phone, d.municipality, d.birthYear, d.englishLevel, d.interests, d.programs];
    const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(sorted(submissions.map((r) => Object.values(r)))).toEqual(sorted(accepted.map(asRow)));
    expect(new Set(candidates.map((c) => c.email))).toEqual(new Set(accepted.map((d) => d.email)));

    // The consent evidence from the request headers is kept as sent, less what PostgreSQL cannot keep as sent
    // (NUL is refused, a lone surrogate turns into U+FFFD) and control characters.
    const consents = await testDb.query<{ user_agent: string }>(`SELECT user_agent FROM consents`);
    expect(consents.map((c) => c.user_agent).sort()).toEqual(userAgents.map((ua) => ua.replace(/[\p{Cc}\p{Cs}]/gu, '')).sort());
  });
});

describe('request bodies from the no-JavaScript route (property-based)', () => {
  const contentTypes = [
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded; charset=utf-8',
    'multipart/form-data; boundary=xyz',
    'multipart/form-data',
    'text/plain',
    'application/json',
    '',
  ];
  const urlEncoded = fc
    .array(fc.tuple(fc.constantFrom('fullName', 'email', 'phone', 'consent', 'interests', '%', '%zz', ''), hostileText(20)))
    .map((pairs) => pairs.map(([name, value]) => `${name}=${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, ''))}`).join('&'));
  const rawBody = fc.oneof(
    urlEncoded.map((text) => new TextEncoder().encode(text)),
    fc.uint8Array({ maxLength: 200 }),
    fc.constantFrom('fullName=%00%ff%fe&email=%E0%A4%A', 'fullName=%', '--xyz\r\nContent-Disposition: form-data; name="fullName"\r\n\r\nA\u0000\r\n--xyz--').map((t) =>
      new TextEncoder().encode(t),
    ),
  );

  it('are read or refused (too large, unreadable), and what is read signs up or is refused, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(rawBody, fc.constantFrom(...contentTypes), async (body, contentType) => {
        const request = new Request('http://localhost/es/talent/submit', { method: 'POST', body, headers: { 'content-type': contentType } });
        const formData = await readFormData(request, signUpBodyLimitBytes);
        if (typeof formData === 'string') {
          expect(formData).toBe('unreadable');
          return;
        }
        expectAnswered(await signUp({ locale: 'es', formData, clientAddress: '198.18.2.1', userAgent: null }));
      }),
      { numRuns: 40 },
    );

    // What a browser sends for a name typed with NUL, a lone surrogate (U+FFFD once encoded) or a bidi override.
    for (const name of ['Ana%00P%C3%A9rez', 'Ana%20P%EF%BF%BDrez', 'Ana%20%E2%80%AEzer%C3%A9P', 'Ana%FFP%C3%A9rez']) {
      const body = new URLSearchParams({ ...validSignUp, interests: 'technology', programs: 'hello-valle' }).toString().replace(/fullName=[^&]*/, `fullName=${name}`);
      const request = new Request('http://localhost/en/talent/submit', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      const formData = await readFormData(request, signUpBodyLimitBytes);
      const outcome = await signUp({ locale: 'en', formData: formData as FormData, clientAddress: '198.18.1.1', userAgent: 'Mozilla/5.0' });
      expect(outcome).toMatchObject({ ok: false, state: { status: 'invalid', fieldErrors: { fullName: 'fullName.invalid' } } });
    }
    expect(await testDb.query(`SELECT 1 FROM candidates`)).toEqual([]);
  });
});
