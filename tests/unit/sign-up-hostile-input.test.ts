// Property-based: the sign-up schema against arbitrary and hostile input. Whatever arrives, it answers (never
// throws), refuses with a message key the form can translate, or accepts values that are stored normalized and
// that the schema accepts again unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signUpErrorKeys } from '@/lib/candidates/fields';
import { createSignUpSchema, fieldErrorsOf, type SignUpData, type SignUpInput } from '@/lib/candidates/schema';
import { englishLevels, interestOptions, programOptions } from '@/lib/candidates/options';
import { signUpValuesFrom } from '@/lib/candidates/form-state';
import { decodeFormState, encodeFormState } from '@/lib/candidates/no-js-page';
import { signUpBodyLimitBytes } from '@/lib/candidates/limits';
import { readFormData } from '@/lib/security/form-post';
import { hostileField, hostilePieces, hostileText, nameLike, oneMegabyte } from '../support/hostile-strings.ts';

const schema = createSignUpSchema(2026);

/** What a stored row reads back as, fed to the schema again. */
const asInput = (data: SignUpData): SignUpInput => ({ ...data, birthYear: String(data.birthYear), adult: 'yes', consent: 'yes' });

const collapse = (raw: string) => raw.normalize('NFC').trim().replace(/\s+/g, ' ');

/** Everything a stored row must be: PostgreSQL accepts it, it reads back as written, staff see what was typed. */
function expectStorable(data: SignUpData) {
  expect(data.fullName).not.toMatch(/[\p{Cc}\p{Cs}\u202a-\u202e\u2066-\u2069\ufffd\ufffe\uffff]/u);
  expect(data.fullName).toMatch(/\p{L}/u);
  expect(data.fullName).toBe(collapse(data.fullName));
  expect(Array.from(data.fullName).length).toBeGreaterThanOrEqual(2);
  expect(Array.from(data.fullName).length).toBeLessThanOrEqual(120);
  expect(data.email).toMatch(/^[!-~]{3,254}$/);
  expect(data.email).toBe(data.email.toLowerCase());
  expect(data.phone).toMatch(/^\+[1-9]\d{6,14}$/);
  expect(englishLevels).toContain(data.englishLevel);
  expect(new Set(data.interests).size).toBe(data.interests.length);
  expect(data.interests.length).toBeGreaterThan(0);
  for (const interest of data.interests) expect(interestOptions).toContain(interest);
  for (const program of data.programs) expect(programOptions).toContain(program);
  expect(schema.parse(asInput(data))).toEqual(data);
}

const validInput: SignUpInput = {
  fullName: 'Ana María Pérez',
  email: 'ana@example.com',
  phone: '300 123 4567',
  municipality: '76001',
  birthYear: '1998',
  adult: 'yes',
  englishLevel: 'B2',
  interests: ['technology'],
  programs: [],
  consent: 'yes',
};

const hostileValues = fc.record({
  fullName: fc.oneof(nameLike, hostileField()),
  email: fc.oneof(fc.constantFrom('ana@example.com', ' Ana.Perez@Example.COM ', '\u212aelvin@example.com'), hostileField()),
  phone: fc.oneof(fc.constantFrom('300 123 4567', '+57 300 123 4567', '+34 612 34 56 78'), hostileField()),
  municipality: fc.oneof(fc.constantFrom('76001', 'other'), hostileField()),
  birthYear: fc.oneof(fc.constantFrom('1998', ' 1975 '), hostileField(8)),
  englishLevel: fc.oneof(fc.constantFrom(...englishLevels), hostileField(4), fc.constant(null)),
  interests: fc.array(fc.oneof(fc.constantFrom(...interestOptions), hostileText(10)), { maxLength: 5 }),
  programs: fc.array(fc.oneof(fc.constantFrom(...programOptions), hostileText(10)), { maxLength: 5 }),
  consent: fc.oneof(fc.constant('yes'), fc.boolean(), hostileField(4)),
});

/** A valid form with the name and a few other fields replaced by hostile values, so both outcomes are common. */
const anyForm = fc
  .tuple(hostileValues, fc.subarray(['email', 'phone', 'municipality', 'birthYear', 'englishLevel', 'interests', 'programs', 'consent'] as const))
  .map(([hostile, chosen]): SignUpInput => ({
    ...validInput,
    fullName: hostile.fullName,
    ...Object.fromEntries(chosen.map((field) => [field, hostile[field]])),
  }));

describe('sign-up schema against hostile input (property-based)', () => {
  it('never throws: it accepts a storable, normalized row or refuses with message keys the form can show', () => {
    const outcomes = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(anyForm, (input) => {
        const result = schema.safeParse(input);
        outcomes[result.success ? 'accepted' : 'refused'] += 1;
        if (result.success) {
          expectStorable(result.data);
          expect(result.data.fullName).toBe(collapse(input.fullName));
        } else {
          const errors = Object.values(fieldErrorsOf(result.error));
          expect(errors.length).toBeGreaterThan(0);
          for (const key of errors) expect(signUpErrorKeys).toContain(key);
        }
      }),
      { numRuns: 300 },
    );
    // Both sides were exercised: a generator that only ever produces garbage proves nothing about acceptance.
    expect(outcomes.accepted).toBeGreaterThan(10);
    expect(outcomes.refused).toBeGreaterThan(10);
  });

  it('accepts names in any script, with emoji and combining marks, stored in NFC with spaces collapsed', () => {
    // At least one word with letters: an emoji alone is not a name.
    const realName = fc
      .tuple(
        fc.constantFrom('Ana', 'Иван', 'محمد', 'Nguyễn', 'Zoë', 'e\u0301lodie', '王芳', "O'Brien"),
        fc.array(fc.constantFrom('Ana', 'Иван', 'محمد', 'Nguyễn', 'Zoë', 'e\u0301lodie', '王芳', '👩🏽‍💻', "O'Brien"), { maxLength: 4 }),
      )
      .map(([first, rest]) => [first, ...rest])
      .chain((parts) => fc.array(fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\r\n'), { minLength: parts.length + 1, maxLength: parts.length + 1 }).map((gaps) =>
        gaps.map((gap, i) => gap + (parts[i] ?? '')).join(''),
      ));
    fc.assert(
      fc.property(realName, (fullName) => {
        const data = schema.parse({ ...validInput, fullName });
        expect(data.fullName).toBe(collapse(fullName));
        expectStorable(data);
      }),
      { numRuns: 100 },
    );
  });

  it.each([
    ['NUL', 'Ana\u0000 Pérez'],
    ['an escape sequence', 'Ana \u001b[31mPérez'],
    ['a C1 control', 'Ana\u0085Pérez'],
    ['a right-to-left override', 'Ana \u202eзеréP'],
    ['a bidi isolate', '\u2066Ana Pérez\u2069'],
    ['a lone high surrogate', 'Ana P\ud83dérez'],
    ['a lone low surrogate', 'Ana \udfffPérez'],
    ['a noncharacter', 'Ana\ufffe'],
    ['a replacement character (bytes that were not UTF-8)', 'Ana P\ufffdrez'],
    ['only invisible characters', '\u200b\u200d\u200b'],
    ['only combining marks', '\u0301\u0302\u0303'],
    ['no letter at all', '1234 !!'],
  ])('refuses a name with %s', (_what, fullName) => {
    const result = schema.safeParse({ ...validInput, fullName });
    expect(result.success ? {} : fieldErrorsOf(result.error)).toEqual({ fullName: 'fullName.invalid' });
  });

  it('refuses a megabyte in any text field with that field\'s message, however it is padded', () => {
    const pad = ' '.repeat(oneMegabyte);
    const cases: [keyof SignUpInput, string, string][] = [
      ['fullName', `${pad}Ana Pérez${pad}`, 'fullName.tooLong'],
      ['fullName', 'Ana Pérez'.repeat(oneMegabyte / 8), 'fullName.tooLong'],
      ['email', `${pad}ana@example.com`, 'email.invalid'],
      ['phone', `${pad}3001234567`, 'phone.invalid'],
      ['birthYear', `${pad}1998`, 'birthYear.invalid'],
      ['municipality', '7'.repeat(oneMegabyte), 'municipality.required'],
    ];
    for (const [field, value, key] of cases) {
      const result = schema.safeParse({ ...validInput, [field]: value });
      expect(result.success ? {} : fieldErrorsOf(result.error)).toEqual({ [field]: key });
    }
  });

  it('refuses formula-, markup- and SQL-looking text only where it breaks a rule: a name may read like code', () => {
    for (const piece of hostilePieces.filter((p) => /[a-z]/i.test(p) && !/[\p{Cc}]/u.test(p))) {
      const result = schema.safeParse({ ...validInput, fullName: piece });
      if (result.success) expect(result.data.fullName).toBe(collapse(piece));
    }
    expect(schema.parse({ ...validInput, fullName: '<img src=x onerror=alert(1)>' }).fullName).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('the no-JavaScript error page state against hostile input (property-based)', () => {
  it('carries whatever was typed through the request header and back, bounded, without throwing', () => {
    const form = fc.dictionary(
      fc.constantFrom('fullName', 'email', 'phone', 'municipality', 'birthYear', 'englishLevel', 'interests', 'programs', 'consent'),
      fc.oneof(fc.array(hostileText(400), { minLength: 1, maxLength: 12 }), hostileField().map((value) => [value])),
    );
    fc.assert(
      fc.property(form, (fields) => {
        const formData = new FormData();
        for (const [name, values] of Object.entries(fields)) for (const value of values) formData.append(name, value);
        const state = { status: 'invalid' as const, values: signUpValuesFrom(formData), fieldErrors: {} };
        expect(decodeFormState(encodeFormState(state))).toEqual(state);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the no-JavaScript sign-up\'s body reader', () => {
  it('refuses a megabyte as too large whether or not its length was declared, and never parses it', async () => {
    const body = `fullName=${'A'.repeat(oneMegabyte)}`;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const declared = new Request('http://localhost/', { method: 'POST', body, headers: { ...form, 'content-length': String(body.length) } });
    expect(await readFormData(declared, signUpBodyLimitBytes)).toBe('tooLarge');
    const chunks = 16;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < chunks; i++) controller.enqueue(new TextEncoder().encode('A'.repeat(oneMegabyte / chunks)));
        controller.close();
      },
    });
    const undeclared = new Request('http://localhost/', { method: 'POST', body: stream, duplex: 'half', headers: form } as RequestInit);
    expect(await readFormData(undeclared, signUpBodyLimitBytes)).toBe('tooLarge');
  });

  it('reads invalid UTF-8 and broken percent-encoding as text with U+FFFD, or refuses the body as unreadable', async () => {
    const read = (body: string | Uint8Array<ArrayBuffer>, type = 'application/x-www-form-urlencoded') =>
      readFormData(new Request('http://localhost/', { method: 'POST', body, headers: { 'content-type': type } }), signUpBodyLimitBytes);
    expect(((await read('fullName=Ana%FF%')) as FormData).get('fullName')).toBe('Ana\ufffd%');
    expect(((await read(new Uint8Array([0x66, 0x3d, 0xc3, 0x28]))) as FormData).get('f')).toBe('\ufffd(');
    const withCharset = (await read('interests=a&interests=b&n=%C3%B1+x', 'Application/X-WWW-Form-Urlencoded; charset=UTF-8')) as FormData;
    expect([withCharset.getAll('interests'), withCharset.get('n')]).toEqual([['a', 'b'], 'ñ x']);
    expect(await read('{"fullName":"Ana"}', 'application/json')).toBe('unreadable');
    expect(await read('fullName=Ana', 'multipart/form-data; boundary=x')).toBe('unreadable');
  });
});
