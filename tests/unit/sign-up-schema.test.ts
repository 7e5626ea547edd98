import { describe, expect, it } from 'vitest';
import { createSignUpSchema, fieldErrorsOf, latestBirthYear, type SignUpInput } from '@/lib/candidates/schema';
import { toE164 } from '@/lib/candidates/phone';
import { municipalities } from '@/lib/municipalities';

const schema = createSignUpSchema(2026);

const valid: SignUpInput = {
  fullName: '  Ana   María Pérez ',
  email: '  Ana.Perez@Example.COM ',
  phone: '300 123 4567',
  municipality: '76001',
  birthYear: '1998',
  englishLevel: 'B2',
  interests: ['contact-center', 'technology'],
  programs: ['hello-valle'],
  adult: 'yes',
  consent: 'yes',
};

function errorsOf(input: Partial<SignUpInput>) {
  const result = schema.safeParse({ ...valid, ...input });
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe('sign-up schema', () => {
  it('accepts a complete form and normalizes what is stored', () => {
    expect(schema.parse(valid)).toEqual({
      fullName: 'Ana María Pérez',
      email: 'ana.perez@example.com',
      phone: '+573001234567',
      municipality: '76001',
      birthYear: 1998,
      englishLevel: 'B2',
      interests: ['contact-center', 'technology'],
      programs: ['hello-valle'],
      adult: true,
      consent: true,
    });
  });

  it('accepts every municipality of Valle del Cauca and "other", and nothing else', () => {
    for (const { code } of municipalities) expect(errorsOf({ municipality: code })).toEqual({});
    expect(errorsOf({ municipality: 'other' })).toEqual({});
    for (const bad of ['', '05001', '76', 'Cali']) expect(errorsOf({ municipality: bad })).toEqual({ municipality: 'municipality.required' });
  });

  it.each([
    [{ fullName: '' }, { fullName: 'fullName.required' }],
    [{ fullName: '   ' }, { fullName: 'fullName.required' }],
    [{ fullName: ' A ' }, { fullName: 'fullName.tooShort' }],
    [{ fullName: 'x'.repeat(121) }, { fullName: 'fullName.tooLong' }],
    [{ email: '' }, { email: 'email.required' }],
    [{ email: 'ana@' }, { email: 'email.invalid' }],
    [{ email: 'not an email' }, { email: 'email.invalid' }],
    [{ email: `${'a'.repeat(250)}@example.com` }, { email: 'email.invalid' }],
    [{ phone: '' }, { phone: 'phone.required' }],
    [{ phone: '12345' }, { phone: 'phone.invalid' }],
    [{ phone: '602 555 1234' }, { phone: 'phone.invalid' }],
    [{ phone: '+57 602 555 1234' }, { phone: 'phone.invalid' }],
    [{ phone: '+1 555' }, { phone: 'phone.invalid' }],
    [{ birthYear: '' }, { birthYear: 'birthYear.required' }],
    [{ birthYear: '98' }, { birthYear: 'birthYear.invalid' }],
    [{ birthYear: '19x8' }, { birthYear: 'birthYear.invalid' }],
    [{ birthYear: '1899' }, { birthYear: 'birthYear.tooEarly' }],
    [{ birthYear: '2009' }, { birthYear: 'birthYear.underage' }],
    [{ englishLevel: null }, { englishLevel: 'englishLevel.required' }],
    [{ englishLevel: 'D1' }, { englishLevel: 'englishLevel.required' }],
    [{ interests: [] }, { interests: 'interests.required' }],
    [{ interests: ['fishing'] }, { interests: 'interests.required' }],
    [{ interests: ['technology', 'fishing'] }, { interests: 'interests.required' }],
    [{ programs: ['unknown-program'] }, { programs: 'programs.invalid' }],
    [{ consent: '' }, { consent: 'consent.required' }],
    [{ consent: false }, { consent: 'consent.required' }],
    [{ consent: 'no' }, { consent: 'consent.required' }],
    [{ adult: false }, { adult: 'adult.required' }],
    [{ adult: '' }, { adult: 'adult.required' }],
  ] satisfies [Partial<SignUpInput>, object][])('rejects %j with %j', (input, expected) => {
    expect(errorsOf(input)).toEqual(expected);
  });

  it('reports the first error of every wrong field at once', () => {
    expect(
      errorsOf({ fullName: '', email: 'x', phone: '', municipality: '', birthYear: '', englishLevel: null, interests: [], adult: false, consent: false }),
    ).toEqual({
      fullName: 'fullName.required',
      email: 'email.invalid',
      phone: 'phone.required',
      municipality: 'municipality.required',
      birthYear: 'birthYear.required',
      englishLevel: 'englishLevel.required',
      interests: 'interests.required',
      adult: 'adult.required',
      consent: 'consent.required',
    });
  });

  it('programs are optional', () => {
    expect(errorsOf({ programs: [] })).toEqual({});
  });

  it('counts someone born in (current year − 18) as 18, and someone born a year later as a minor', () => {
    expect(latestBirthYear(2026)).toBe(2008);
    expect(errorsOf({ birthYear: '2008' })).toEqual({});
    expect(errorsOf({ birthYear: '2009' })).toEqual({ birthYear: 'birthYear.underage' });
    expect(errorsOf({ birthYear: '1900' })).toEqual({});
  });
});

describe('adults only: the birth year and "I am 18 or older"', () => {
  // In 2026: born in 2009 or later, 17 at most on every day of the year; born in 2008, 17 until the birthday and 18
  // after it, which only the person can say; born in 2007 or before, 18 all year.
  it.each([
    [2026, '2009', 'yes', { birthYear: 'birthYear.underage' }],
    [2026, '2010', 'yes', { birthYear: 'birthYear.underage' }],
    [2026, '2008', 'yes', {}],
    [2026, '2008', false, { adult: 'adult.required' }],
    [2026, '2007', 'yes', {}],
    [2026, '2007', false, { adult: 'adult.required' }],
    [2027, '2009', 'yes', {}],
    [2027, '2010', 'yes', { birthYear: 'birthYear.underage' }],
  ] as const)('in %i, born in %s with "I am 18 or older" %j: %j', (year, birthYear, adult, expected) => {
    const result = createSignUpSchema(year).safeParse({ ...valid, birthYear, adult });
    expect(result.success ? {} : fieldErrorsOf(result.error)).toEqual(expected);
  });

  it('is never pre-ticked: an empty form has it unticked', async () => {
    const { emptySignUpValues } = await import('@/lib/candidates/form-state');
    expect(emptySignUpValues().adult).toBe(false);
  });

  it('a posted form carries the statement only when the box was ticked', async () => {
    const { signUpInputFrom } = await import('@/lib/candidates/form-state');
    const form = new FormData();
    expect(signUpInputFrom(form).adult).toBe('');
    form.set('adult', 'yes');
    expect(signUpInputFrom(form).adult).toBe('yes');
  });
});

describe('phone numbers to E.164', () => {
  it.each([
    ['300 123 4567', '+573001234567'],
    ['3001234567', '+573001234567'],
    ['(300) 123-4567', '+573001234567'],
    ['+57 300 123 4567', '+573001234567'],
    ['+573001234567', '+573001234567'],
    ['57 300 123 4567', '+573001234567'],
    ['0057 300 123 4567', '+573001234567'],
    ['+1 (415) 555-2671', '+14155552671'],
    ['+34 612 34 56 78', '+34612345678'],
    ['+44 7911 123456', '+447911123456'],
  ])('%s → %s', (raw, e164) => {
    expect(toE164(raw)).toBe(e164);
  });

  it.each(['', '123', '200 123 4567', '300 123 456', '300 123 45678', '602 555 1234', '+57 1 555 1234', '+999 123456789', '+1 555', 'tel:3001234567'])(
    'refuses %j',
    (raw) => {
      expect(toE164(raw)).toBeNull();
    },
  );
});
