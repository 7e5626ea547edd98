import { afterEach, describe, expect, it } from 'vitest';
import { signUp } from '@/lib/candidates/sign-up';
import { confirmSignUp, linkState } from '@/lib/candidates/confirm';
import { requestLink } from '@/lib/candidates/links';
import { purgePendingSignUps } from '@/lib/candidates/purge';
import { listCandidates, openCandidateExport } from '@/lib/candidates/query';
import { revokeCandidateConsent } from '@/lib/candidates/rights';
import { candidateStats } from '@/lib/candidates/stats';
import { startJobWorker, type JobWorker } from '@/lib/jobs/worker';
import { perTestDatabase } from '../support/test-database.ts';
import { eventually, perTestMailServer } from '../support/mail.ts';
import { signUpFormData, type SignUpFields } from '../support/sign-up-form.ts';
import { createStaff, insertPartner, sharingFor, signedIn } from '../support/staff-fixtures.ts';

const testDb = perTestDatabase();
const mail = perTestMailServer();

let nextAddress = 1;
function submit(fields: SignUpFields = {}, locale: 'es' | 'en' = 'es') {
  const n = nextAddress++;
  return signUp({ locale, formData: signUpFormData(fields), clientAddress: `198.51.100.${n}`, userAgent: 'Mozilla/5.0 (sign-up test)' });
}

const workers: JobWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});

/** The token of the newest confirmation mail queued for `email`, read from the outbox before it is sent. */
async function queuedToken(email: string): Promise<string> {
  const [row] = await testDb.query<{ token: string }>(
    `SELECT payload->>'token' AS token FROM mail_outbox WHERE recipient = $1 AND template = 'confirm-sign-up' ORDER BY created_at DESC LIMIT 1`,
    [email],
  );
  return row!.token;
}

const confirm = (token: string) => confirmSignUp({ token, clientAddress: '203.0.113.99', userAgent: 'Mozilla/5.0 (confirming)' });

async function candidate(email: string) {
  const [row] = await testDb.query<{ id: string; full_name: string; english_level: string; status: string; consent_purposes: string[]; confirmed_at: Date | null }>(
    `SELECT id, full_name, english_level::text, status::text, consent_purposes, confirmed_at FROM candidates WHERE email = $1`,
    [email],
  );
  return row!;
}

async function exportedEmails(viewer: Awaited<ReturnType<typeof signedIn>>['viewer']): Promise<string[]> {
  const source = await openCandidateExport(viewer, {}, sharingFor(await insertPartner(testDb, { name: `Aliado ${Math.random()}` })));
  const emails: string[] = [];
  for await (const batch of source.batches()) emails.push(...batch.map((r) => r.email));
  return emails;
}

describe('double opt-in', () => {
  it('a sign-up sends exactly one confirmation mail, once, whose link confirms the candidate, who then shows as confirmed and is exported', async () => {
    const admin = await createStaff('admin');
    const { viewer } = await signedIn(admin.email);
    expect(await submit({ email: 'ana@example.com' }, 'en')).toEqual({ ok: true });
    expect(await candidate('ana@example.com')).toMatchObject({ status: 'pending', consent_purposes: [], confirmed_at: null });
    expect(await exportedEmails(viewer)).toEqual([]);

    workers.push(await startJobWorker({ connectionString: testDb.url }));
    const received = await mail.server.waitFor((m) => m.envelope.to.includes('ana@example.com'));
    expect(received.subject).toBe('Confirm your sign-up to Bilingual Talent');
    const link = new URL(/https?:\/\/\S+\/en\/confirm\?token=[A-Za-z0-9_-]+/.exec(received.text)![0]);
    await eventually(async () => (await testDb.query(`SELECT 1 FROM mail_outbox WHERE status = 'sent'`)).length === 1, 10_000, 'mail sent');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(mail.server.received()).toBe(1);

    const token = link.searchParams.get('token')!;
    expect(await linkState({ token, purpose: 'confirm_sign_up' })).toBe('valid');
    expect(await confirm(token)).toEqual({ ok: true });
    const confirmed = await candidate('ana@example.com');
    expect(confirmed).toMatchObject({ status: 'active', consent_purposes: ['training-offers', 'job-opportunities', 'share-with-partners'] });
    expect(confirmed.confirmed_at).toBeInstanceOf(Date);
    expect(await testDb.query(`SELECT confirm_ip_address, confirm_user_agent, confirmed_at IS NOT NULL AS confirmed FROM consents`)).toEqual([
      { confirm_ip_address: '203.0.113.99', confirm_user_agent: 'Mozilla/5.0 (confirming)', confirmed: true },
    ]);
    expect(await testDb.query(`SELECT pending FROM submissions`)).toEqual([{ pending: false }]);
    expect(await testDb.query(`SELECT action, details FROM audit_events WHERE action = 'candidate.confirm'`)).toEqual([
      { action: 'candidate.confirm', details: { candidateId: confirmed.id } },
    ]);

    const page = await listCandidates(viewer, { consent: 'active' }, {}, { ipAddress: null });
    expect(page.rows.map((r) => [r.email, r.status])).toEqual([['ana@example.com', 'active']]);
    expect(await exportedEmails(viewer)).toEqual(['ana@example.com']);
  });

  it('a used, expired or forged link is refused and changes nothing', async () => {
    await submit({ email: 'used@example.com' });
    const used = await queuedToken('used@example.com');
    expect(await confirm(used)).toEqual({ ok: true });
    expect(await confirm(used)).toEqual({ ok: false, reason: 'used' });

    await submit({ email: 'late@example.com' });
    const late = await queuedToken('late@example.com');
    await testDb.query(`UPDATE candidate_tokens SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    expect(await linkState({ token: late, purpose: 'confirm_sign_up' })).toBe('expired');
    expect(await confirm(late)).toEqual({ ok: false, reason: 'expired' });
    expect(await candidate('late@example.com')).toMatchObject({ status: 'pending' });

    for (const forged of ['A'.repeat(43), late.slice(0, -1) + (late.endsWith('A') ? 'B' : 'A'), 'not a token', '', late + 'x']) {
      expect(await confirm(forged)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await testDb.query(`SELECT status::text, count(*)::int AS n FROM candidates GROUP BY 1 ORDER BY 1`)).toEqual([
      { status: 'active', n: 1 },
      { status: 'pending', n: 1 },
    ]);
  });

  it('a known email signed up again changes nothing until confirmed; confirming applies the newest details and keeps the history', async () => {
    await submit({ email: 'maria@example.com', fullName: 'María Gómez', englishLevel: 'B1' });
    await confirm(await queuedToken('maria@example.com'));
    const answer = await submit({ email: 'maria@example.com', fullName: 'Intruso Cambió', englishLevel: 'C2' });
    expect(answer).toEqual({ ok: true });
    expect(await candidate('maria@example.com')).toMatchObject({ full_name: 'María Gómez', english_level: 'B1', status: 'active' });

    await confirm(await queuedToken('maria@example.com'));
    expect(await candidate('maria@example.com')).toMatchObject({ full_name: 'Intruso Cambió', english_level: 'C2', status: 'active' });
    expect(await testDb.query(`SELECT full_name, pending FROM submissions ORDER BY created_at`)).toEqual([
      { full_name: 'María Gómez', pending: false },
      { full_name: 'Intruso Cambió', pending: false },
    ]);
  });

  it('an unconfirmed sign-up never lifts a revocation, and a link mailed before the revocation no longer works', async () => {
    const admin = await createStaff('admin');
    const { viewer } = await signedIn(admin.email);
    await submit({ email: 'rosa@example.com', fullName: 'Rosa Díaz' });
    await confirm(await queuedToken('rosa@example.com'));
    await submit({ email: 'rosa@example.com', fullName: 'Rosa Antes' });
    const beforeRevocation = await queuedToken('rosa@example.com');
    const { id } = await candidate('rosa@example.com');
    expect(await revokeCandidateConsent(viewer, id, { ipAddress: null })).toEqual({ ok: true });
    expect(await candidate('rosa@example.com')).toMatchObject({ status: 'revoked', consent_purposes: [] });

    // Someone who knows the address signs it up again: answered like anyone, nothing is put back in force.
    expect(await submit({ email: 'rosa@example.com', fullName: 'Atacante' })).toEqual({ ok: true });
    expect(await candidate('rosa@example.com')).toMatchObject({ status: 'revoked', full_name: 'Rosa Díaz', consent_purposes: [] });
    expect(await testDb.query(`SELECT count(*)::int AS n FROM consents WHERE revoked_at IS NULL AND confirmed_at IS NOT NULL`)).toEqual([{ n: 0 }]);
    expect(await exportedEmails(viewer)).toEqual([]);
    expect(await confirm(beforeRevocation)).toEqual({ ok: false, reason: 'used' });
    expect(await candidate('rosa@example.com')).toMatchObject({ status: 'revoked' });
    const stats = await candidateStats(viewer);
    expect(stats).toMatchObject({ total: 1, consentInForce: 0, consentRevoked: 1, pending: 0 });
  });

  it('answers a sign-up the same for a new, a pending, a confirmed and a revoked address', async () => {
    const admin = await createStaff('admin');
    const { viewer } = await signedIn(admin.email);
    await submit({ email: 'pending@example.com' });
    await submit({ email: 'confirmed@example.com' });
    await confirm(await queuedToken('confirmed@example.com'));
    await submit({ email: 'revoked@example.com' });
    await confirm(await queuedToken('revoked@example.com'));
    await revokeCandidateConsent(viewer, (await candidate('revoked@example.com')).id, { ipAddress: null });
    const answers = await Promise.all(['new@example.com', 'pending@example.com', 'confirmed@example.com', 'revoked@example.com'].map((email) => submit({ email })));
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify({ ok: true })]));
  });

  it('a new confirmation link goes only to an address with a sign-up pending, with the same answer for any address', async () => {
    await submit({ email: 'waiting@example.com' });
    await testDb.query(`DELETE FROM mail_outbox`);
    const answers = await Promise.all(
      ['waiting@example.com', 'unknown@example.com'].map((email, i) =>
        requestLink({ kind: 'confirm-sign-up', email, locale: 'es', clientAddress: `203.0.113.${i + 1}` }),
      ),
    );
    expect(answers).toEqual([{ ok: true }, { ok: true }]);
    expect(await testDb.query(`SELECT recipient FROM mail_outbox`)).toEqual([{ recipient: 'waiting@example.com' }]);
    expect(await confirm(await queuedToken('waiting@example.com'))).toEqual({ ok: true });
  });

  it('the scheduled purge deletes sign-ups never confirmed after 30 days, with their evidence, and keeps everything else', async () => {
    await submit({ email: 'old-pending@example.com' });
    await submit({ email: 'new-pending@example.com' });
    await submit({ email: 'confirmed@example.com', fullName: 'Confirmada Vieja' });
    await confirm(await queuedToken('confirmed@example.com'));
    await submit({ email: 'confirmed@example.com', fullName: 'Nunca Confirmada' });
    const days31 = `now() - interval '31 days'`;
    await testDb.query(`UPDATE candidates SET created_at = ${days31} WHERE email IN ('old-pending@example.com', 'confirmed@example.com')`);
    await testDb.query(`UPDATE submissions SET created_at = ${days31} WHERE email IN ('old-pending@example.com', 'confirmed@example.com')`);

    expect(await purgePendingSignUps()).toMatchObject({ candidates: 1, submissions: 1 });
    expect((await testDb.query<{ email: string }>(`SELECT email FROM candidates ORDER BY email`)).map((r) => r.email)).toEqual([
      'confirmed@example.com',
      'new-pending@example.com',
    ]);
    expect(await testDb.query(`SELECT full_name FROM submissions WHERE email = 'confirmed@example.com'`)).toEqual([{ full_name: 'Confirmada Vieja' }]);
    expect(await testDb.query(`SELECT count(*)::int AS n FROM consents`)).toEqual([{ n: 2 }]);
    expect(await testDb.query(`SELECT recipient FROM mail_outbox WHERE recipient = 'old-pending@example.com'`)).toEqual([]);
    expect(await testDb.query(`SELECT details FROM audit_events WHERE action = 'candidates.purge-pending'`)).toEqual([
      { details: { candidates: 1, submissions: 1, tokens: 0, retentionDays: 30 } },
    ]);
  });
});
