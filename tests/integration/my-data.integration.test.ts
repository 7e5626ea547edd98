import { afterEach, describe, expect, it } from 'vitest';
import { signUp } from '@/lib/candidates/sign-up';
import { confirmSignUp } from '@/lib/candidates/confirm';
import { requestLink } from '@/lib/candidates/links';
import { openCandidateExport } from '@/lib/candidates/query';
import { startJobWorker, type JobWorker } from '@/lib/jobs/worker';
import { candidateFromRequest, openMyDataSession, authorizeCandidate } from '@/lib/my-data/session';
import { myData } from '@/lib/my-data/data';
import { myDataFile } from '@/lib/my-data/document';
import { deleteMyData, recordDownload, updateMyDetails, withdrawConsent } from '@/lib/my-data/rights';
import { perTestDatabase } from '../support/test-database.ts';
import { eventually, perTestMailServer } from '../support/mail.ts';
import { signUpFormData } from '../support/sign-up-form.ts';
import { createStaff, insertPartner, sharingFor, signedIn } from '../support/staff-fixtures.ts';

const testDb = perTestDatabase();
const mail = perTestMailServer();
const workers: JobWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});

let n = 1;
const address = () => `198.51.100.${n++}`;

/** A confirmed candidate, as the double opt-in leaves one. */
async function confirmedCandidate(email = 'ana@example.com') {
  await signUp({ locale: 'es', formData: signUpFormData({ email }), clientAddress: address(), userAgent: 'test' });
  const [row] = await testDb.query<{ token: string }>(`SELECT payload->>'token' AS token FROM mail_outbox WHERE recipient = $1`, [email]);
  expect(await confirmSignUp({ token: row!.token, clientAddress: null, userAgent: null })).toEqual({ ok: true });
  await testDb.query(`DELETE FROM mail_outbox`);
  const [candidate] = await testDb.query<{ id: string }>(`SELECT id FROM candidates WHERE email = $1`, [email]);
  return candidate!.id;
}

async function myDataToken(email: string): Promise<string> {
  expect(await requestLink({ kind: 'my-data', email, locale: 'es', clientAddress: address() })).toEqual({ ok: true });
  const [row] = await testDb.query<{ token: string }>(`SELECT payload->>'token' AS token FROM mail_outbox WHERE template = 'my-data-link' ORDER BY created_at DESC LIMIT 1`);
  return row!.token;
}

/** Open a session with the link and return the candidate link a request with its cookie carries. */
async function session(email = 'ana@example.com') {
  const opened = await openMyDataSession(await myDataToken(email));
  if (!opened.ok) throw new Error(`could not open: ${opened.reason}`);
  const request = new Request('http://127.0.0.1:3000/es/my-data/view', {
    headers: { host: '127.0.0.1:3000', cookie: `__Host-bt_mydata=${opened.cookieToken}` },
  });
  const link = await candidateFromRequest(request);
  if (!link) throw new Error('session cookie did not verify');
  return link;
}

describe('My data', () => {
  it('a request for an unknown address is answered like a known one and sends nothing; a known one gets one link', async () => {
    await confirmedCandidate('ana@example.com');
    workers.push(await startJobWorker({ connectionString: testDb.url }));
    const unknown = await requestLink({ kind: 'my-data', email: 'nobody@example.com', locale: 'es', clientAddress: address() });
    const known = await requestLink({ kind: 'my-data', email: 'ANA@example.com', locale: 'en', clientAddress: address() });
    expect(unknown).toEqual(known);
    const received = await mail.server.waitFor((m) => m.envelope.to.includes('ana@example.com'));
    expect(received.subject).toBe('Your link to see your data at Bilingual Talent');
    expect(received.text).toMatch(/\/en\/my-data\/open\?token=[A-Za-z0-9_-]{43}/);
    await eventually(async () => (await testDb.query(`SELECT 1 FROM mail_outbox WHERE status = 'sent'`)).length === 1, 10_000, 'sent');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(mail.server.mails().map((m) => m.envelope.to)).toEqual([['ana@example.com']]);
    expect(await testDb.query(`SELECT count(*)::int AS n FROM candidate_tokens WHERE purpose = 'my_data'`)).toEqual([{ n: 1 }]);
  });

  it('the link opens a session once, for 30 minutes; used, expired and forged links are refused', async () => {
    await confirmedCandidate();
    const token = await myDataToken('ana@example.com');
    const opened = await openMyDataSession(token);
    expect(opened).toMatchObject({ ok: true, maxAgeSeconds: 1800 });
    expect(await openMyDataSession(token)).toEqual({ ok: false, reason: 'used' });
    const late = await myDataToken('ana@example.com');
    await testDb.query(`UPDATE candidate_tokens SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    expect(await openMyDataSession(late)).toEqual({ ok: false, reason: 'expired' });
    expect(await openMyDataSession('B'.repeat(43))).toEqual({ ok: false, reason: 'invalid' });
    expect(await openMyDataSession('../../etc')).toEqual({ ok: false, reason: 'invalid' });
    // Only the hash of the session's cookie is stored.
    const [stored] = await testDb.query<{ token_hash: string; minutes: number }>(
      `SELECT token_hash, round(extract(epoch FROM expires_at - created_at) / 60)::int AS minutes FROM candidate_sessions`,
    );
    expect(stored!.minutes).toBe(30);
    expect(stored!.token_hash).not.toBe((opened as { cookieToken: string }).cookieToken);
    // A session past its end opens nothing.
    await testDb.query(`UPDATE candidate_sessions SET expires_at = now() - interval '1 second'`);
    const request = new Request('http://127.0.0.1:3000/es/my-data/view', {
      headers: { host: '127.0.0.1:3000', cookie: `__Host-bt_mydata=${(opened as { cookieToken: string }).cookieToken}` },
    });
    expect(await candidateFromRequest(request)).toBeNull();
  });

  it('shows everything held: details, submissions, consents with their evidence and notice text, mails, and each use of the data', async () => {
    const id = await confirmedCandidate();
    const admin = await createStaff('admin');
    const { viewer } = await signedIn(admin.email);
    const { getCandidate } = await import('@/lib/candidates/query');
    await getCandidate(viewer, id, { ipAddress: null });
    const link = await session();
    const data = (await myData(link))!;
    expect(data.candidate).toMatchObject({ email: 'ana@example.com', status: 'active' });
    expect(data.submissions).toHaveLength(1);
    expect(data.consents[0]).toMatchObject({ confirmedAt: expect.any(Date), notice: { text: expect.stringContaining('Invest Pacific') } });
    expect(data.mails.map((m) => m.template)).toEqual(['my-data-link']);
    expect(data.activity.map((a) => [a.action, a.by])).toEqual([
      ['candidate.my-data-open', 'you'],
      ['candidate.view', 'staff'],
      ['candidate.confirm', 'you'],
    ]);
    const [staff] = await testDb.query<{ name: string }>(`SELECT name FROM staff_users WHERE email = $1`, [admin.email]);
    expect(data.activity[1]!.staffName).toBe(staff!.name);

    await recordDownload(link, 'json');
    const file = myDataFile((await myData(link))!, 'es', 'json');
    expect(JSON.parse(file.body)).toMatchObject({ candidate: { email: 'ana@example.com' }, consents: [{ notice: { text: expect.any(String) } }] });
    const html = myDataFile(data, 'en', 'html');
    expect(html.contentType).toMatch(/text\/html/);
    expect(html.body).toContain('ana@example.com');
    expect(html.body).not.toMatch(/<script/i);
    expect(await testDb.query(`SELECT details FROM audit_events WHERE action = 'candidate.my-data-download'`)).toEqual([{ details: { candidateId: id, format: 'json' } }]);
  });

  it('an update applies at once, keeps the earlier details in the history, and refuses what the sign-up refuses', async () => {
    const id = await confirmedCandidate();
    const link = await session();
    const form = signUpFormData({ fullName: 'Ana María Pérez Gómez', phone: '310 555 0101', englishLevel: 'C1' });
    expect(await updateMyDetails(link, form)).toEqual({ ok: true });
    expect(await testDb.query(`SELECT full_name, phone, english_level::text FROM candidates`)).toEqual([
      { full_name: 'Ana María Pérez Gómez', phone: '+573105550101', english_level: 'C1' },
    ]);
    expect(await testDb.query(`SELECT full_name, origin FROM submissions ORDER BY created_at`)).toEqual([
      { full_name: 'Ana María Pérez', origin: 'sign-up' },
      { full_name: 'Ana María Pérez Gómez', origin: 'my-data' },
    ]);
    const refused = await updateMyDetails(link, signUpFormData({ phone: '12345', birthYear: '98' }));
    expect(refused).toMatchObject({ ok: false, state: { fieldErrors: { phone: 'phone.invalid', birthYear: 'birthYear.invalid' }, values: { phone: '12345' } } });
    expect(await testDb.query(`SELECT phone FROM candidates`)).toEqual([{ phone: '+573105550101' }]);
    const [event] = await testDb.query<{ details: Record<string, unknown> }>(`SELECT details FROM audit_events WHERE action = 'candidate.my-data-update'`);
    expect(event!.details).toMatchObject({ candidateId: id });
    expect(JSON.stringify(event!.details)).not.toMatch(/Ana|573105550101/);
  });

  it('withdrawing one purpose keeps the others in force; withdrawing all revokes every consent and stops exports', async () => {
    const id = await confirmedCandidate();
    const admin = await createStaff('admin');
    const { viewer } = await signedIn(admin.email);
    const link = await session();
    await withdrawConsent(link, 'share-with-partners');
    expect(await testDb.query(`SELECT status::text, consent_purposes FROM candidates`)).toEqual([
      { status: 'active', consent_purposes: ['training-offers', 'job-opportunities'] },
    ]);
    await withdrawConsent(link, 'all');
    expect(await testDb.query(`SELECT status::text, consent_purposes FROM candidates`)).toEqual([{ status: 'revoked', consent_purposes: [] }]);
    expect(await testDb.query(`SELECT count(*)::int AS n FROM consents WHERE revoked_at IS NULL`)).toEqual([{ n: 0 }]);
    expect(await testDb.query(`SELECT purposes, source FROM consent_withdrawals ORDER BY created_at`)).toEqual([
      { purposes: ['share-with-partners'], source: 'candidate' },
      { purposes: ['training-offers', 'job-opportunities', 'share-with-partners'], source: 'candidate' },
    ]);
    const source = await openCandidateExport(viewer, {}, sharingFor(await insertPartner(testDb, { name: `Aliado ${Math.random()}` })));
    expect(source.rowCount).toBe(0);
    await source.close();
    expect(await testDb.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'candidate.my-data-revoke' AND details->>'candidateId' = $1`, [id])).toEqual([{ n: 2 }]);
  });

  it('deleting removes the candidate and everything about them, keeping only proof of the request without name, email or phone', async () => {
    const id = await confirmedCandidate('borrar@example.com');
    const link = await session('borrar@example.com');
    await deleteMyData(link);
    for (const table of ['candidates', 'submissions', 'consents', 'candidate_tokens', 'candidate_sessions', 'mail_outbox', 'consent_withdrawals']) {
      expect(await testDb.query(`SELECT count(*)::int AS n FROM ${table}`), table).toEqual([{ n: 0 }]);
    }
    const events = await testDb.query<{ action: string; details: unknown; actor_email: string | null; ip_address: string | null }>(
      `SELECT action, details, actor_email, ip_address FROM audit_events WHERE details->>'candidateId' = $1 ORDER BY id`,
      [id],
    );
    expect(events.at(-1)).toMatchObject({ action: 'candidate.my-data-delete', details: { candidateId: id } });
    expect(JSON.stringify(events)).not.toMatch(/borrar|Ana|573001234567/);
    await expect(authorizeCandidate(link)).rejects.toThrow('A live My data session is required');
  });
});
