import { describe, expect, it } from 'vitest';
import { requestLink } from '@/lib/candidates/links';
import { getCandidate, listCandidates, openCandidateExport } from '@/lib/candidates/query';
import { handleExportRequest } from '@/lib/export/http';
import { candidateFromRequest, openMyDataSession } from '@/lib/my-data/session';
import { deleteMyData, recordDownload, updateMyDetails, withdrawConsent } from '@/lib/my-data/rights';
import { fileReclamo, myRequests } from '@/lib/requests/candidate';
import { dueDate, extendedDueDate, withdrawalDay } from '@/lib/requests/deadlines';
import {
  answerRequest,
  askForMissingInformation,
  extendRequest,
  getRequest,
  listRequests,
  recordRequest,
  sendRequestDigest,
  withdrawStaleReclamos,
} from '@/lib/requests/register';
import { ForbiddenError } from '@/lib/staff/session';
import { perTestDatabase } from '../support/test-database.ts';
import { signUpFormData } from '../support/sign-up-form.ts';
import { createStaff, insertCandidates, insertPartner, sharingFor, signedIn } from '../support/staff-fixtures.ts';

const testDb = perTestDatabase();
const context = { ipAddress: '198.51.100.20' };
let n = 1;
const address = () => `198.51.100.${n++}`;

/** A My data session for `email`, opened with the link the mail would carry. */
async function session(email: string) {
  expect(await requestLink({ kind: 'my-data', email, locale: 'es', clientAddress: address() })).toEqual({ ok: true });
  const [row] = await testDb.query<{ token: string }>(
    `SELECT payload->>'token' AS token FROM mail_outbox WHERE template = 'my-data-link' ORDER BY created_at DESC LIMIT 1`,
  );
  const opened = await openMyDataSession(row!.token);
  if (!opened.ok) throw new Error(`could not open: ${opened.reason}`);
  const link = await candidateFromRequest(
    new Request('http://127.0.0.1:3000/es/my-data/view', { headers: { host: '127.0.0.1:3000', cookie: `__Host-bt_mydata=${opened.cookieToken}` } }),
  );
  if (!link) throw new Error('session cookie did not verify');
  return link;
}

function reclamoForm(subject: string, description: string) {
  const form = new FormData();
  form.set('subject', subject);
  form.set('description', description);
  return form;
}

async function exportedIds(viewer: Parameters<typeof openCandidateExport>[0]): Promise<string[]> {
  const source = await openCandidateExport(viewer, {}, sharingFor(await insertPartner(testDb, { name: `Aliado ${Math.random()}` })));
  const ids: string[] = [];
  for await (const batch of source.batches()) ids.push(...batch.map((r) => r.id));
  return ids;
}

async function csvExport(token: string): Promise<{ rows: string; body: string }> {
  const partner = await insertPartner(testDb, { name: `Aliado ${Math.random()}` });
  const response = await handleExportRequest(
    new Request(`http://127.0.0.1:3000/api/staff/candidates/export?format=csv&locale=es&organization=${partner}&purpose=Reclutamiento`, {
      headers: { host: '127.0.0.1:3000', cookie: `__Host-bt_session=${token}` },
    }),
  );
  expect(response.status).toBe(200);
  return { rows: response.headers.get('x-export-rows') ?? '', body: await response.text() };
}

async function arrange() {
  const admin = await createStaff('admin');
  const { viewer, token } = await signedIn(admin.email);
  const [ana, bea] = await insertCandidates(testDb, [
    { email: 'ana@example.com', fullName: 'Ana Reclama', locale: 'en' },
    { email: 'bea@example.com', fullName: 'Bea Tranquila' },
  ]);
  return { admin, viewer, token, ana: ana!, bea: bea! };
}

describe('the request register', () => {
  it('a reclamo filed on My data marks the candidate "reclamo en trámite" and keeps them out of every export until it is answered', async () => {
    const { admin, viewer, token, ana, bea } = await arrange();
    const link = await session('ana@example.com');
    const before = new Date();
    const filed = await fileReclamo(link, reclamoForm('rectification', 'My phone number is wrong.\nIt should end in 42.'));
    expect(filed).toMatchObject({ ok: true });

    // Marked, with its reason, on the staff list and the candidate's page.
    const list = await listCandidates(viewer, {}, {}, context);
    expect(Object.fromEntries(list.rows.map((r) => [r.id, r.reclamo]))).toEqual({ [ana]: 'rectification', [bea]: null });
    const detail = await getCandidate(viewer, ana, context);
    expect(detail?.reclamos).toEqual([expect.objectContaining({ subject: 'rectification', description: 'My phone number is wrong.\nIt should end in 42.' })]);

    // Left out of exports: the cursor (XLSX) and the COPY (CSV) paths alike.
    expect(await exportedIds(viewer)).toEqual([bea]);
    const csv = await csvExport(token);
    expect(csv.rows).toBe('1');
    expect(csv.body).toContain('bea@example.com');
    expect(csv.body).not.toContain('ana@example.com');

    // In the register, with the legal due date, and acknowledged to the candidate in their language.
    const register = await listRequests(viewer, 'open', context);
    expect(register.rows).toHaveLength(1);
    const request = register.rows[0]!;
    expect(request).toMatchObject({ candidateId: ana, kind: 'reclamo', subject: 'rectification', channel: 'my_data', status: 'open', due: dueDate('reclamo', before) });
    const [ack] = await testDb.query(`SELECT locale, recipient, payload FROM mail_outbox WHERE template = 'request-update'`);
    expect(ack).toMatchObject({ locale: 'en', recipient: 'ana@example.com', payload: { variant: 'received', kind: 'reclamo', dueOn: request.due } });

    // Answered and closed: the mark goes, the candidate is exported again, and sees the answer.
    expect(await answerRequest(viewer, request.id, 'We corrected your phone number.', context)).toEqual({ ok: true, id: request.id });
    expect((await listCandidates(viewer, {}, {}, context)).rows.every((r) => r.reclamo === null)).toBe(true);
    expect((await exportedIds(viewer)).sort()).toEqual([ana, bea].sort());
    expect((await csvExport(token)).rows).toBe('2');
    const [closed] = await testDb.query(`SELECT status, answer, closed_by_id, closed_at FROM data_requests WHERE id = $1`, [request.id]);
    expect(closed).toMatchObject({ status: 'resolved', answer: 'We corrected your phone number.', closed_by_id: admin.id });
    const answerMails = await testDb.query(`SELECT payload FROM mail_outbox WHERE template = 'request-update' AND payload->>'variant' = 'answer'`);
    expect(answerMails).toEqual([{ payload: expect.objectContaining({ text: 'We corrected your phone number.' }) }]);
    expect(await myRequests(link)).toEqual([expect.objectContaining({ kind: 'reclamo', status: 'resolved', answer: 'We corrected your phone number.' })]);
    // Every step audited.
    const actions = (await testDb.query<{ action: string }>(`SELECT action FROM audit_events WHERE action LIKE 'request%' OR action = 'candidate.my-data-reclamo' ORDER BY id`)).map((r) => r.action);
    expect(actions).toEqual(['candidate.my-data-reclamo', 'requests.list', 'request.answer']);
  });

  it('an empty reclamo is refused with what was typed kept, and opens nothing', async () => {
    await arrange();
    const link = await session('ana@example.com');
    const outcome = await fileReclamo(link, reclamoForm('other', '   \n  '));
    expect(outcome).toEqual({ ok: false, state: { form: 'reclamo', values: { subject: 'other', description: '   \n  ' }, fieldErrors: { description: 'text.required' } } });
    expect(await testDb.query(`SELECT 1 FROM data_requests`)).toEqual([]);
  });

  it('self-service actions on My data are recorded as received and resolved in the same moment', async () => {
    await arrange();
    const [ana] = await testDb.query<{ id: string }>(`SELECT id FROM candidates WHERE email = 'ana@example.com'`);
    const link = await session('ana@example.com');
    await recordDownload(link, 'json');
    const update = signUpFormData({ fullName: 'Ana Actualizada' });
    expect(await updateMyDetails(link, update)).toEqual({ ok: true });
    await withdrawConsent(link, 'job-opportunities');
    await deleteMyData(link);
    const rows = await testDb.query(
      `SELECT kind, subject, channel, status, self_service, candidate_id, candidate_ref, received_at = closed_at AS at_once, closed_by_id
         FROM data_requests ORDER BY reference`,
    );
    const common = { channel: 'my_data', status: 'resolved', self_service: true, candidate_ref: ana!.id, at_once: true, closed_by_id: null };
    expect(rows).toEqual([
      // The deletion took the candidate with it: the register keeps the reference alone.
      { ...common, kind: 'consulta', subject: 'access', candidate_id: null },
      { ...common, kind: 'reclamo', subject: 'update', candidate_id: null },
      { ...common, kind: 'reclamo', subject: 'revocation', candidate_id: null },
      { ...common, kind: 'reclamo', subject: 'deletion', candidate_id: null },
    ]);
  });

  it('a request recorded by staff is extended once, before its term ends, with the reason mailed and the date communicated', async () => {
    const { viewer, ana } = await arrange();
    const recorded = await recordRequest(viewer, ana, { kind: 'consulta', subject: 'access', channel: 'email', receivedAt: '2026-11-27T09:30', description: 'What do you hold about me?' }, context);
    if (!recorded.ok) throw new Error(JSON.stringify(recorded));
    const firstDue = dueDate('consulta', new Date('2026-11-27T09:30:00-05:00'));
    expect(firstDue).toBe('2026-12-11'); // 27 Nov counts; 8 Dec is a holiday

    const on = new Date('2026-12-10T15:00:00-05:00');
    expect(await extendRequest(viewer, recorded.id, '', context, on)).toEqual({ ok: false, fieldErrors: { reason: 'text.required' } });
    expect(await extendRequest(viewer, recorded.id, 'We are gathering the records from the training partner.', context, on)).toEqual({ ok: true, id: recorded.id });
    expect(await extendRequest(viewer, recorded.id, 'Again', context, on)).toEqual({ ok: false, error: 'notAllowed' });
    const detail = await getRequest(viewer, recorded.id, context, on);
    expect(detail).toMatchObject({
      firstDue,
      due: extendedDueDate('consulta', firstDue),
      extensionReason: 'We are gathering the records from the training partner.',
      extendedAt: on,
      recordedByName: 'Ada Admin',
      channel: 'email',
      canExtend: false,
    });
    const mails = await testDb.query(`SELECT payload FROM mail_outbox WHERE template = 'request-update' ORDER BY created_at`);
    expect(mails.map((m) => (m.payload as { variant: string }).variant)).toEqual(['received', 'extended']);
    expect(mails[1]!.payload).toMatchObject({ dueOn: '2026-12-18', text: 'We are gathering the records from the training partner.' });

    // After the first term, no extension can be given any more.
    const late = await recordRequest(viewer, ana, { kind: 'consulta', subject: 'other', channel: 'phone', receivedAt: '2026-11-02T10:00', description: 'A call' }, context);
    if (!late.ok) throw new Error('not recorded');
    expect(await extendRequest(viewer, late.id, 'Too late', context, on)).toEqual({ ok: false, error: 'notAllowed' });
  });

  it('an incomplete reclamo with no answer two months after what was missing was asked for counts as withdrawn, and the mark goes', async () => {
    const { viewer, ana } = await arrange();
    const link = await session('ana@example.com');
    expect(await fileReclamo(link, reclamoForm('deletion', 'Delete what you shared.'))).toMatchObject({ ok: true });
    const [request] = await testDb.query<{ id: string }>(`SELECT id FROM data_requests`);
    const asked = new Date('2026-12-31T10:00:00-05:00');
    expect(await askForMissingInformation(viewer, request!.id, 'Which sharing do you mean?', context, asked)).toEqual({ ok: true, id: request!.id });
    expect(withdrawalDay(asked)).toBe('2027-03-01');
    // Still in process (and still out of exports) while the person may answer.
    expect(await withdrawStaleReclamos(new Date('2027-02-28T23:00:00-05:00'))).toBe(0);
    expect(await exportedIds(viewer)).not.toContain(ana);
    expect(await withdrawStaleReclamos(new Date('2027-03-01T00:30:00-05:00'))).toBe(1);
    const [row] = await testDb.query(`SELECT status FROM data_requests`);
    expect(row).toEqual({ status: 'withdrawn' });
    expect(await exportedIds(viewer)).toContain(ana);
    expect(await testDb.query(`SELECT action FROM audit_events WHERE action = 'request.withdrawn'`)).toHaveLength(1);
  });

  it('the daily mail lists what is overdue and due soon to admins and the privacy role, without names', async () => {
    const { viewer, ana } = await arrange();
    await createStaff('privacy');
    await createStaff('staff');
    await recordRequest(viewer, ana, { kind: 'consulta', subject: 'access', channel: 'letter', receivedAt: '2026-11-02T10:00', description: 'Letter' }, context);
    expect(await sendRequestDigest(new Date('2026-12-02T07:05:00-05:00'))).toBe(2);
    const mails = await testDb.query<{ recipient: string; payload: Record<string, unknown> }>(
      `SELECT recipient, payload FROM mail_outbox WHERE template = 'requests-digest' ORDER BY recipient`,
    );
    expect(mails.map((m) => m.recipient)).toEqual(['admin@agency.example', 'privacy@agency.example']);
    expect(mails[0]!.payload).toEqual({ day: '2026-12-02', overdue: [{ reference: expect.any(Number), kind: 'consulta', subject: 'access', dueOn: '2026-11-17' }], dueSoon: [] });
    expect(JSON.stringify(mails[0]!.payload)).not.toContain('Ana');
  });

  it('only admins and the privacy role reach the register', async () => {
    await arrange();
    await createStaff('privacy');
    await createStaff('staff');
    const privacy = await signedIn('privacy@agency.example');
    const staff = await signedIn('staff@agency.example');
    await expect(listRequests(privacy.viewer, 'open', context)).resolves.toMatchObject({ rows: [] });
    await expect(listRequests(staff.viewer, 'open', context)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
