import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { signUp, type SignUpOutcome } from '@/lib/candidates/sign-up';
import { consentNotice } from '@/lib/consent/notice';
import { currentYearInColombia } from '@/lib/candidates/schema';
import { consentPurposes, privacyPolicy } from '@/lib/consent/policy';
import { disconnectDb } from '@/lib/db/client';
import { perTestDatabase } from '../support/test-database.ts';
import { signUpFormData, validSignUp, type SignUpFields } from '../support/sign-up-form.ts';

const testDb = perTestDatabase();
const run = promisify(execFile);
const projectRoot = path.resolve(import.meta.dirname, '../..');

let nextAddress = 1;
/** A fresh client address per call, so the rate limit only bites where a test wants it to. */
function address(): string {
  const n = nextAddress++;
  return `198.51.${Math.floor(n / 250)}.${(n % 250) + 1}`;
}

function submit(fields: SignUpFields = {}, options: { locale?: 'es' | 'en'; clientAddress?: string | null } = {}) {
  return signUp({
    locale: options.locale ?? 'es',
    formData: signUpFormData(fields),
    clientAddress: options.clientAddress === undefined ? address() : options.clientAddress,
    userAgent: 'Mozilla/5.0 (integration test)',
  });
}

async function counts() {
  const [row] = await testDb.query<{ candidates: number; submissions: number; consents: number; notices: number }>(`
    SELECT (SELECT count(*)::int FROM candidates) AS candidates, (SELECT count(*)::int FROM submissions) AS submissions,
           (SELECT count(*)::int FROM consents) AS consents, (SELECT count(*)::int FROM consent_notices) AS notices`);
  return row!;
}

const nothingStored = { candidates: 0, submissions: 0, consents: 0, notices: 0 };

afterEach(() => {
  delete process.env.SIGNUP_EMAIL_RATE_LIMIT_POINTS;
  delete process.env.SIGNUP_RATE_LIMIT_POINTS;
  delete process.env.SIGNUP_RATE_LIMIT_WINDOW_SECONDS;
});

describe('sign-up', () => {
  it('stores a valid submission as pending: the candidate, the submission, the consent with its evidence and the confirmation mail', async () => {
    const before = new Date();
    expect(await submit({ email: '  Ana.Perez@Example.COM ' }, { locale: 'en', clientAddress: '203.0.113.7' })).toEqual({ ok: true });

    const [candidate] = await testDb.query(`SELECT * FROM candidates`);
    expect(candidate).toMatchObject({
      email: 'ana.perez@example.com',
      full_name: 'Ana María Pérez',
      phone: '+573001234567',
      municipality: '76001',
      birth_year: 1998,
      english_level: 'B2',
      interests: ['contact-center', 'technology'],
      programs: ['hello-valle'],
      locale: 'en',
      status: 'pending',
      consent_purposes: [],
      confirmed_at: null,
    });
    const submissions = await testDb.query(`SELECT * FROM submissions`);
    expect(submissions).toEqual([
      expect.objectContaining({ candidate_id: candidate!.id, email: 'ana.perez@example.com', locale: 'en', pending: true, confirmed_at: null }),
    ]);
    // One confirmation mail, in the form's language, to the normalized address, its link valid 7 days; only the
    // token's hash is kept beside it.
    const mails = await testDb.query<{ template: string; locale: string; recipient: string; candidate_id: string; payload: { token: string } }>(
      `SELECT template, locale, recipient, candidate_id, payload FROM mail_outbox`,
    );
    expect(mails).toEqual([
      { template: 'confirm-sign-up', locale: 'en', recipient: 'ana.perez@example.com', candidate_id: candidate!.id, payload: { token: expect.any(String), validDays: 7 } },
    ]);
    const [link] = await testDb.query<{ token_hash: string; submission_id: string; days: number }>(
      `SELECT token_hash, submission_id, round(extract(epoch FROM expires_at - created_at) / 86400)::int AS days FROM candidate_tokens`,
    );
    expect(link).toEqual({ token_hash: createHash('sha256').update(mails[0]!.payload.token).digest('hex'), submission_id: submissions[0]!.id, days: 7 });
    expect(await testDb.query(`SELECT task_identifier FROM graphile_worker.jobs`)).toEqual([{ task_identifier: 'mail:send' }]);

    const notice = consentNotice('en');
    const [consent] = await testDb.query(`SELECT * FROM consents`);
    expect(consent).toMatchObject({
      candidate_id: candidate!.id,
      submission_id: submissions[0]!.id,
      policy_version: privacyPolicy.version,
      notice_sha256: notice.sha256,
      locale: 'en',
      purposes: [...consentPurposes],
      ip_address: '203.0.113.7',
      user_agent: 'Mozilla/5.0 (integration test)',
      revoked_at: null,
      confirmed_at: null,
      // The person's statement "I am 18 or older" is part of the evidence.
      adult_statement: true,
    });
    expect((consent!.given_at as Date).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);

    // The exact text the page shows is kept, once, under its hash.
    const [stored] = await testDb.query<{ sha256: string; text: string; policy_version: string; locale: string }>(
      `SELECT sha256, text, policy_version, locale FROM consent_notices`,
    );
    expect(stored).toEqual({ sha256: notice.sha256, text: notice.text, policy_version: privacyPolicy.version, locale: 'en' });
    expect(createHash('sha256').update(stored!.text).digest('hex')).toBe(stored!.sha256);
    expect(stored!.text).toContain(notice.checkboxLabel);
    for (const paragraph of notice.paragraphs) expect(stored!.text).toContain(paragraph);
  });

  it('keeps the notice text once however many people accept it', async () => {
    await Promise.all([submit({ email: 'a@example.com' }), submit({ email: 'b@example.com' }), submit({ email: 'c@example.com' }, { locale: 'en' })]);
    expect(await counts()).toEqual({ candidates: 3, submissions: 3, consents: 3, notices: 2 });
  });

  const invalidCases: [string, SignUpFields, string][] = [
    ['fullName', { fullName: '' }, 'fullName.required'],
    ['fullName', { fullName: 'A' }, 'fullName.tooShort'],
    ['fullName', { fullName: 'x'.repeat(121) }, 'fullName.tooLong'],
    ['fullName', { fullName: undefined }, 'fullName.required'],
    ['email', { email: '' }, 'email.required'],
    ['email', { email: 'ana@' }, 'email.invalid'],
    ['phone', { phone: '' }, 'phone.required'],
    ['phone', { phone: '602 555 1234' }, 'phone.invalid'],
    ['phone', { phone: '12345' }, 'phone.invalid'],
    ['municipality', { municipality: '' }, 'municipality.required'],
    ['municipality', { municipality: '05001' }, 'municipality.required'],
    ['birthYear', { birthYear: '' }, 'birthYear.required'],
    ['birthYear', { birthYear: '98' }, 'birthYear.invalid'],
    ['birthYear', { birthYear: '1899' }, 'birthYear.tooEarly'],
    ['birthYear', { birthYear: String(currentYearInColombia() - 17) }, 'birthYear.underage'],
    ['englishLevel', { englishLevel: undefined }, 'englishLevel.required'],
    ['englishLevel', { englishLevel: 'D1' }, 'englishLevel.required'],
    ['interests', { interests: [] }, 'interests.required'],
    ['interests', { interests: ['fishing'] }, 'interests.required'],
    ['programs', { programs: ['not-a-program'] }, 'programs.invalid'],
    ['adult', { adult: undefined }, 'adult.required'],
    ['adult', { birthYear: String(currentYearInColombia() - 18), adult: undefined }, 'adult.required'],
    ['consent', { consent: undefined }, 'consent.required'],
    ['consent', { consent: 'no' }, 'consent.required'],
  ];

  it.each(invalidCases)('rejects an invalid %s (%j) with %s and stores nothing', async (field, fields, key) => {
    const outcome = await submit(fields);
    expect(outcome).toMatchObject({ ok: false, state: { status: 'invalid', fieldErrors: { [field]: key } } });
    expect(await counts()).toEqual(nothingStored);
  });

  it('without consent stores nothing, and gives back everything that was typed', async () => {
    const outcome = await submit({ consent: undefined, email: 'Ana@Example.com' });
    expect(outcome).toEqual({
      ok: false,
      state: {
        status: 'invalid',
        fieldErrors: { consent: 'consent.required' },
        values: { ...validSignUp, email: 'Ana@Example.com', adult: true, consent: false },
      },
    });
    expect(await counts()).toEqual(nothingStored);
  });

  it('a field sent twice is refused, not silently merged', async () => {
    const form = signUpFormData();
    form.append('email', 'other@example.com');
    const outcome = await signUp({ locale: 'es', formData: form, clientAddress: address(), userAgent: null });
    expect(outcome).toMatchObject({ ok: false, state: { fieldErrors: { email: 'email.required' } } });
    expect(await counts()).toEqual(nothingStored);
  });

  it('the same email again changes nothing on the candidate until confirmed: it waits as a pending submission, with the same answer', async () => {
    const first = await submit({ email: 'ana@example.com', fullName: 'Ana Pérez', englishLevel: 'B1' });
    const second = await submit({ email: '  ANA@Example.com ', fullName: 'Ana María Pérez', englishLevel: 'C1', programs: [] }, { locale: 'en' });
    expect(second).toEqual(first);

    expect(await testDb.query(`SELECT email, full_name, english_level, programs, locale, status::text FROM candidates`)).toEqual([
      { email: 'ana@example.com', full_name: 'Ana Pérez', english_level: 'B1', programs: ['hello-valle'], locale: 'es', status: 'pending' },
    ]);
    expect(await testDb.query(`SELECT full_name, english_level, pending FROM submissions ORDER BY created_at`)).toEqual([
      { full_name: 'Ana Pérez', english_level: 'B1', pending: true },
      { full_name: 'Ana María Pérez', english_level: 'C1', pending: true },
    ]);
    expect(await counts()).toMatchObject({ candidates: 1, submissions: 2, consents: 2 });
    // Each sign-up mails its own link to the address.
    expect(await testDb.query(`SELECT locale FROM mail_outbox ORDER BY created_at`)).toEqual([{ locale: 'es' }, { locale: 'en' }]);
  });

  it('50 concurrent submissions of distinct emails store exactly 50 candidates', async () => {
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => submit({ email: `person${i}@example.com` })));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(50);
    expect(await counts()).toEqual({ candidates: 50, submissions: 50, consents: 50, notices: 1 });
    const [{ distinct }] = (await testDb.query<{ distinct: number }>(`SELECT count(DISTINCT email)::int AS distinct FROM candidates`)) as [
      { distinct: number },
    ];
    expect(distinct).toBe(50);
  });

  it('20 concurrent submissions of one email in mixed case store one candidate and 20 consents', async () => {
    // The per-email limit (3 an hour by default) would refuse most of them: this is about the race, not the limit.
    process.env.SIGNUP_EMAIL_RATE_LIMIT_POINTS = '100';
    const spellings = ['maria@example.com', 'MARIA@example.com', 'Maria@Example.com', ' maria@EXAMPLE.COM '];
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => submit({ email: spellings[i % spellings.length], fullName: `María ${i}` })),
    );
    expect(outcomes).toEqual(Array.from({ length: 20 }, () => ({ ok: true })));
    expect(await counts()).toEqual({ candidates: 1, submissions: 20, consents: 20, notices: 1 });
    expect(await testDb.query(`SELECT count(*)::int AS n FROM mail_outbox`)).toEqual([{ n: 20 }]);
    const [candidate] = await testDb.query<{ id: string; email: string }>(`SELECT id, email FROM candidates`);
    expect(candidate!.email).toBe('maria@example.com');
    expect(await testDb.query(`SELECT DISTINCT candidate_id FROM consents`)).toEqual([{ candidate_id: candidate!.id }]);
  });

  it('a robot that fills the honeypot is answered like anyone else, and nothing is stored', async () => {
    expect(await submit({ website: 'http://spam.example' })).toEqual({ ok: true });
    expect(await counts()).toEqual(nothingStored);
    expect(await testDb.query(`SELECT id FROM mail_outbox`)).toEqual([]);
  });

  it('consent given to a notice that has since changed is refused and must be given again', async () => {
    const stale = 'f'.repeat(64);
    const outcome = await submit({ noticeSha256: stale });
    expect(outcome).toMatchObject({ ok: false, state: { status: 'invalid', fieldErrors: { consent: 'consent.noticeChanged' } } });
    expect(await counts()).toEqual(nothingStored);
    expect(await submit({ noticeSha256: consentNotice('es').sha256 })).toEqual({ ok: true });
  });

  it('lets a classroom of 60 sign up from one address within 10 minutes by default, then asks to try again at a given time', async () => {
    const from = '203.0.113.50';
    const outcomes: SignUpOutcome[] = [];
    for (let i = 0; i < 60; i++) outcomes.push(await submit({ email: `r${i}@example.com` }, { clientAddress: from }));
    expect(outcomes.every((o) => o.ok)).toBe(true);

    const before = Date.now();
    const refused = await submit({ email: 'sixty-first@example.com' }, { clientAddress: from });
    expect(refused).toMatchObject({ ok: false, state: { status: 'rateLimited', limitedBy: 'address', values: { email: 'sixty-first@example.com' } } });
    expect(refused.ok ? 0 : refused.retryAfterSeconds).toBeGreaterThan(500);
    // The state says when: the form prints that time.
    const retryAt = Date.parse(refused.ok ? '' : refused.state.retryAt!);
    expect(retryAt - before).toBeGreaterThan(500_000);
    // Refused by the statement that would have stored it: no row of any kind for the sixty-first.
    expect(await counts()).toEqual({ candidates: 60, submissions: 60, consents: 60, notices: 1 });

    // Another address is not affected, and the key does not hold the address itself.
    expect(await submit({ email: 'neighbour@example.com' }, { clientAddress: '203.0.113.51' })).toEqual({ ok: true });
    const keys = await testDb.query<{ key: string }>(`SELECT key FROM rate_limits WHERE key LIKE 'signup:%'`);
    expect(keys).toHaveLength(2);
    for (const { key } of keys) expect(key).not.toContain('203.0.113');
  });

  it('mails one email address 3 confirmations an hour at most, whatever network the sign-ups come from', async () => {
    for (let i = 0; i < 3; i++) expect(await submit({ email: 'same@example.com' })).toEqual({ ok: true });
    const refused = await submit({ email: 'Same@Example.com ' });
    expect(refused).toMatchObject({ ok: false, state: { status: 'rateLimited', limitedBy: 'email', values: { email: 'Same@Example.com ' } } });
    expect(refused.ok ? 0 : refused.retryAfterSeconds).toBeGreaterThan(3_000);
    const [mails] = await testDb.query<{ n: number }>(`SELECT count(*)::int AS n FROM mail_outbox WHERE recipient = 'same@example.com'`);
    expect(mails!.n).toBe(3);
    // Another address is not affected.
    expect(await submit({ email: 'other@example.com' })).toEqual({ ok: true });
  });

  it('counts invalid attempts too, and the limit is configurable', async () => {
    process.env.SIGNUP_RATE_LIMIT_POINTS = '3';
    process.env.SIGNUP_RATE_LIMIT_WINDOW_SECONDS = '60';
    const from = '203.0.113.60';
    for (let i = 0; i < 3; i++) expect(await submit({ fullName: '' }, { clientAddress: from })).toMatchObject({ state: { status: 'invalid' } });
    expect(await submit({}, { clientAddress: from })).toMatchObject({ ok: false, state: { status: 'rateLimited' } });
    expect(await counts()).toEqual(nothingStored);
  });

  it('starts a new window once the old one has expired', async () => {
    process.env.SIGNUP_RATE_LIMIT_POINTS = '1';
    const from = '203.0.113.70';
    expect(await submit({ email: 'one@example.com' }, { clientAddress: from })).toEqual({ ok: true });
    expect(await submit({ email: 'two@example.com' }, { clientAddress: from })).toMatchObject({ state: { status: 'rateLimited' } });
    await testDb.query(`UPDATE rate_limits SET expire = expire - 600000`);
    expect(await submit({ email: 'two@example.com' }, { clientAddress: from })).toEqual({ ok: true });
  });

  it('enforces the rate limit across two separate processes sharing the database', async () => {
    const worker = (tag: string) =>
      run(
        process.execPath,
        ['--import', 'tsx', '--import', './tests/support/register-server-only.mjs', 'tests/support/sign-up-worker.ts'],
        {
          cwd: projectRoot,
          env: { ...process.env, DATABASE_URL: testDb.url, SIGNUP_RATE_LIMIT_POINTS: '10', WORKER_ATTEMPTS: '8', WORKER_ADDRESS: '203.0.113.80', WORKER_TAG: tag, LOG_LEVEL: 'silent' },
        },
      ).then(({ stdout }) => JSON.parse(stdout.trim().split('\n').pop()!) as string[]);
    const [a, b] = await Promise.all([worker('a'), worker('b')]);
    const all = [...a, ...b];
    expect(all.filter((s) => s === 'ok')).toHaveLength(10);
    expect(all.filter((s) => s === 'rateLimited')).toHaveLength(6);
    // Both processes really did sign people up.
    expect(a).toContain('ok');
    expect(b).toContain('ok');
    expect(await counts()).toMatchObject({ candidates: 10, consents: 10 });
  }, 120_000);

  it('answers "could not save, try again" with the input kept when the database cannot be reached', async () => {
    await disconnectDb();
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = 'postgresql://postgres:postgres@127.0.0.1:1/nowhere';
    try {
      const outcome = await submit({ email: 'ana@example.com' });
      expect(outcome).toMatchObject({ ok: false, state: { status: 'unavailable', values: { email: 'ana@example.com', consent: true } } });
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = saved;
    }
    expect(await counts()).toEqual(nothingStored);
  });
});
