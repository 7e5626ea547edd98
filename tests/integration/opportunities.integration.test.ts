import { afterEach, describe, expect, it } from 'vitest';
import { findMatches, siteYear } from '@/lib/opportunities/matching';
import { announceOpportunity, announcementProgress, releaseAnnouncementMails } from '@/lib/opportunities/announce';
import { opportunityLink, recordInterest, unsubscribe } from '@/lib/opportunities/links';
import { handleOneClickUnsubscribe } from '@/lib/opportunities/one-click';
import { candidateOpportunities, changePipelineStatus, opportunityPipeline } from '@/lib/opportunities/pipeline';
import { handleOutcomesCsvRequest } from '@/lib/opportunities/outcomes-http';
import { opportunityOutcomes } from '@/lib/opportunities/outcomes';
import { renderMail } from '@/lib/mail/render';
import { startJobWorker } from '@/lib/jobs/worker';
import { eventually, outboxStatuses, perTestMailServer } from '../support/mail.ts';
import { perTestDatabase } from '../support/test-database.ts';
import { createStaff, insertCandidates, signedIn } from '../support/staff-fixtures.ts';
import { insertOpportunity } from '../support/opportunities.ts';

const testDb = perTestDatabase();
const mail = perTestMailServer();
const context = { ipAddress: '198.51.100.7' };

afterEach(() => {
  delete process.env.ANNOUNCE_MAILS_PER_MINUTE;
});

async function staffViewer(role: 'admin' | 'staff' = 'staff') {
  const account = await createStaff(role);
  return (await signedIn(account.email)).viewer;
}

/** Announce and release every waiting mail; returns the link token of each candidate's mail, by candidate id. */
async function announceAndRelease(viewer: Awaited<ReturnType<typeof staffViewer>>, opportunityId: string) {
  process.env.ANNOUNCE_MAILS_PER_MINUTE = '100000';
  const outcome = await announceOpportunity(viewer, opportunityId, context);
  expect(outcome.ok).toBe(true);
  while ((await releaseAnnouncementMails()).moreWaiting);
  const rows = await testDb.query<{ candidate_id: string; token: string }>(
    `SELECT candidate_id, payload->>'token' AS token FROM mail_outbox WHERE template = 'opportunity-announcement' AND payload->>'opportunityId' = $1`,
    [opportunityId],
  );
  return new Map(rows.map((r) => [r.candidate_id, r.token]));
}

describe('matching', () => {
  it('counts exactly the confirmed candidates with the purpose in force, at or above the level, in place, with the interest and of age', async () => {
    const viewer = await staffViewer();
    const year = siteYear();
    const ids = await insertCandidates(testDb, [
      { email: 'fits@example.com', fullName: 'Encaja Uno', englishLevel: 'B2', municipality: '76001', interests: ['contact-center'], birthYear: 1995 },
      { email: 'edge@example.com', fullName: 'Encaja Dos', englishLevel: 'C1', municipality: '76520', interests: ['technology', 'contact-center'], birthYear: year - 18 },
      { email: 'level@example.com', fullName: 'Nivel Bajo', englishLevel: 'B1', municipality: '76001', interests: ['contact-center'] },
      { email: 'place@example.com', fullName: 'Otro Municipio', englishLevel: 'B2', municipality: '76109', interests: ['contact-center'] },
      { email: 'interest@example.com', fullName: 'Otro Interés', englishLevel: 'B2', municipality: '76001', interests: ['technology'] },
      { email: 'old@example.com', fullName: 'Muy Mayor', englishLevel: 'B2', municipality: '76001', interests: ['contact-center'], birthYear: year - 46 },
      { email: 'young@example.com', fullName: 'Muy Joven', englishLevel: 'B2', municipality: '76001', interests: ['contact-center'], birthYear: year - 17 },
      { email: 'training-only@example.com', fullName: 'Solo Formación', englishLevel: 'B2', municipality: '76001', interests: ['contact-center'] },
      { email: 'pending@example.com', fullName: 'Sin Confirmar', englishLevel: 'B2', municipality: '76001', interests: ['contact-center'] },
      { email: 'revoked@example.com', fullName: 'Revocó Todo', englishLevel: 'B2', municipality: '76001', interests: ['contact-center'], revoked: true },
    ]);
    await testDb.query(`UPDATE candidates SET consent_purposes = ARRAY['training-offers'] WHERE email = 'training-only@example.com'`);
    await testDb.query(`UPDATE candidates SET status = 'pending', consent_purposes = ARRAY[]::text[], confirmed_at = NULL WHERE email = 'pending@example.com'`);

    const job = await insertOpportunity(testDb, {
      kind: 'job',
      minEnglishLevel: 'B2',
      municipalities: ['76001', '76520'],
      interests: ['contact-center'],
      minAge: 18,
      maxAge: 45,
    });
    const matches = await findMatches(viewer, job, context);
    expect(matches).toMatchObject({ total: 2, toAnnounce: 2 });
    expect(new Set(matches!.candidates.map((c) => c.id))).toEqual(new Set([ids[0], ids[1]]));
    expect(await testDb.query(`SELECT details FROM audit_events WHERE action = 'opportunity.matches'`)).toEqual([
      { details: { opportunityId: job, matching: 2, page: 1 } },
    ]);

    // Remote: anyone anywhere, the rest unchanged.
    const remote = await insertOpportunity(testDb, { kind: 'job', minEnglishLevel: 'B2', municipalities: ['76001'], remote: true, interests: ['contact-center'], minAge: 18, maxAge: 45 });
    expect((await findMatches(viewer, remote))!.total).toBe(3);

    // A cohort needs the training purpose: the one who only agreed to training now counts, the rest as before.
    const cohort = await insertOpportunity(testDb, { kind: 'cohort', minEnglishLevel: 'B2', municipalities: ['76001', '76520'], interests: ['contact-center'], minAge: 18, maxAge: 45 });
    expect(new Set((await findMatches(viewer, cohort))!.candidates.map((c) => c.fullName))).toEqual(new Set(['Encaja Uno', 'Encaja Dos', 'Solo Formación']));

    // No criteria at all: every confirmed candidate with the purpose in force.
    const open = await insertOpportunity(testDb, { kind: 'job' });
    expect((await findMatches(viewer, open))!.total).toBe(7);
  });
});

describe('announcing', () => {
  it('queues each matching candidate once, releases at most the configured rate per minute, and schedules the rest', async () => {
    const viewer = await staffViewer();
    await insertCandidates(testDb, Array.from({ length: 12 }, (_, i) => ({ email: `c${i}@example.com`, fullName: `Candidata ${i}`, locale: i % 2 ? 'en' : 'es' }) as const));
    const opportunity = await insertOpportunity(testDb, { kind: 'cohort' });
    process.env.ANNOUNCE_MAILS_PER_MINUTE = '5';
    expect(await announceOpportunity(viewer, opportunity, context)).toEqual({ ok: true, queued: 12 });
    expect(await announceOpportunity(viewer, opportunity, context)).toEqual({ ok: true, queued: 0 });
    // The release job was queued by the announcement.
    expect(await testDb.query(`SELECT task_identifier, key FROM graphile_worker.jobs WHERE task_identifier = 'opportunities:release-mails'`)).toEqual([
      { task_identifier: 'opportunities:release-mails', key: 'opportunities:release-mails' },
    ]);

    expect(await releaseAnnouncementMails()).toEqual({ released: 5, withheld: 0, moreWaiting: true });
    // The minute's budget is spent: nothing more until it frees up, and the job is due again then.
    expect(await releaseAnnouncementMails()).toEqual({ released: 0, withheld: 0, moreWaiting: true });
    const [next] = await testDb.query<{ due_in: number }>(
      `SELECT extract(epoch FROM run_at - now())::int AS due_in FROM graphile_worker.jobs WHERE task_identifier = 'opportunities:release-mails'`,
    );
    expect(next!.due_in).toBeGreaterThan(40);
    // The five mail jobs are spread over the minute (12 s apart at 5 a minute).
    const runAts = await testDb.query<{ offset: number }>(
      `SELECT round(extract(epoch FROM run_at - min(run_at) OVER ()))::int AS offset FROM graphile_worker.jobs WHERE task_identifier = 'mail:send' ORDER BY run_at`,
    );
    expect(runAts.map((r) => r.offset)).toEqual([0, 12, 24, 36, 48]);
    expect(await announcementProgress(viewer, opportunity)).toMatchObject({ total: 12, queued: 12, sent: 0, notSent: 0 });
    expect(await testDb.query(`SELECT details FROM audit_events WHERE action = 'opportunity.announce' ORDER BY id`)).toEqual([
      { details: { opportunityId: opportunity, queued: 12 } },
      { details: { opportunityId: opportunity, queued: 0 } },
    ]);
  });

  it('refuses a draft opportunity and one that does not exist, writing nothing', async () => {
    const viewer = await staffViewer();
    await insertCandidates(testDb, [{ email: 'a@example.com', fullName: 'Ana' }]);
    const draft = await insertOpportunity(testDb, { state: 'draft' });
    expect(await announceOpportunity(viewer, draft, context)).toEqual({ ok: false, error: 'notPublished' });
    expect(await announceOpportunity(viewer, '00000000-0000-0000-0000-000000000000', context)).toEqual({ ok: false, error: 'notFound' });
    expect(await testDb.query(`SELECT 1 FROM opportunity_candidates`)).toEqual([]);
  });

  it('delivers one mail per candidate in their language, with the page, "I\'m interested", unsubscribe and List-Unsubscribe one-click', async () => {
    const viewer = await staffViewer();
    await insertCandidates(testDb, [
      { email: 'ana@example.com', fullName: 'Ana', locale: 'es' },
      { email: 'ben@example.com', fullName: 'Ben', locale: 'en' },
    ]);
    const opportunity = await insertOpportunity(testDb, { kind: 'job', slug: 'agente-bilingue', titleEs: 'Agente bilingüe', titleEn: 'Bilingual agent' });
    await announceAndRelease(viewer, opportunity);
    const worker = await startJobWorker({ connectionString: testDb.url, concurrency: 2 });
    try {
      const ben = await mail.server.waitFor((m) => m.envelope.to.includes('ben@example.com'));
      const ana = await mail.server.waitFor((m) => m.envelope.to.includes('ana@example.com'));
      await eventually(async () => (await outboxStatuses(testDb)).sent === 2, 10_000, 'both sent');
      expect(ben.subject).toBe('A job opening for you: Bilingual agent');
      expect(ana.subject).toBe('Una vacante para ti: Agente bilingüe');
      expect(ben.text).toContain('/en/opportunities/agente-bilingue');
      expect(ben.text).toMatch(/\/en\/interest\?token=[A-Za-z0-9_-]{43}/);
      expect(ben.text).toMatch(/\/en\/unsubscribe\?token=[A-Za-z0-9_-]{43}/);
      expect(ana.text).toMatch(/\/es\/interest\?token=[A-Za-z0-9_-]{43}/);
      // mailparser gathers the List-* headers under `list`.
      const list = JSON.parse(ben.headers.list ?? '{}') as { unsubscribe?: { url?: string }; 'unsubscribe-post'?: { name?: string } };
      expect(list.unsubscribe?.url).toMatch(/^http:\/\/localhost:3000\/en\/unsubscribe\/one-click\?token=[A-Za-z0-9_-]{43}$/);
      expect(list['unsubscribe-post']?.name).toBe('List-Unsubscribe=One-Click');
      expect(await announcementProgress(viewer, opportunity)).toMatchObject({ total: 2, queued: 0, sent: 2 });
    } finally {
      await worker.stop();
    }
  });

  it('renders the mail in the candidate\'s language with the page, "I\'m interested", unsubscribe and RFC 8058 headers', async () => {
    const token = 'T'.repeat(43);
    const payload = { opportunityId: 'x', kind: 'job' as const, slug: 'agente-bilingue', title: 'Bilingual agent', consentPurpose: 'job-opportunities', token };
    const en = await renderMail('opportunity-announcement', 'en', payload);
    expect(en.subject).toBe('A job opening for you: Bilingual agent');
    expect(en.text).toContain('/en/opportunities/agente-bilingue');
    expect(en.text).toContain(`/en/interest?token=${token}`);
    expect(en.text).toContain(`/en/unsubscribe?token=${token}`);
    expect(en.headers).toEqual({
      'List-Unsubscribe': `<http://localhost:3000/en/unsubscribe/one-click?token=${token}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    const es = await renderMail('opportunity-announcement', 'es', { ...payload, kind: 'cohort', title: 'Cohorte' });
    expect(es.subject).toBe('Un curso para ti: Cohorte');
    expect(es.text).toContain('Me interesa');
  });
});

describe('the mail\'s links', () => {
  it('"I\'m interested" records interest once, moves the pipeline to interested, and is audited', async () => {
    const viewer = await staffViewer();
    const [id] = await insertCandidates(testDb, [{ email: 'ana@example.com', fullName: 'Ana' }]);
    const opportunity = await insertOpportunity(testDb, { kind: 'job', titleEn: 'Agent', titleEs: 'Agente' });
    const token = (await announceAndRelease(viewer, opportunity)).get(id!)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Reading the link (what a GET of its page does) changes nothing.
    expect(await opportunityLink(token)).toMatchObject({ opportunityId: opportunity, kind: 'job', titleEs: 'Agente', interested: false, subscribed: true });
    expect(await testDb.query(`SELECT status::text, interested_at FROM opportunity_candidates`)).toEqual([{ status: 'announced', interested_at: null }]);

    expect(await recordInterest(token)).toBe('done');
    expect(await recordInterest(token)).toBe('already');
    expect(await recordInterest('x'.repeat(43))).toBe('invalid');
    const [pair] = await testDb.query<{ status: string; interested_at: Date | null }>(`SELECT status::text, interested_at FROM opportunity_candidates`);
    expect(pair!.status).toBe('interested');
    expect(pair!.interested_at).toBeInstanceOf(Date);
    expect(await testDb.query(`SELECT status::text, staff_user_id FROM opportunity_pipeline_events`)).toEqual([{ status: 'interested', staff_user_id: null }]);
    expect(await testDb.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'candidate.opportunity-interested' AND details->>'candidateId' = $1`, [id])).toEqual([{ n: 1 }]);
    expect(await announcementProgress(viewer, opportunity)).toMatchObject({ interested: 1 });
  });

  it('unsubscribe withdraws that purpose only, once, with a withdrawal record; the one-click POST does the same with no further step', async () => {
    const viewer = await staffViewer();
    const [ana, ben] = await insertCandidates(testDb, [
      { email: 'ana@example.com', fullName: 'Ana' },
      { email: 'ben@example.com', fullName: 'Ben', locale: 'en' },
    ]);
    const opportunity = await insertOpportunity(testDb, { kind: 'job' });
    const tokens = await announceAndRelease(viewer, opportunity);

    expect(await unsubscribe(tokens.get(ana!)!, 'unsubscribe-link')).toBe('done');
    expect(await unsubscribe(tokens.get(ana!)!, 'unsubscribe-link')).toBe('already');
    expect(await testDb.query(`SELECT status::text, consent_purposes FROM candidates WHERE id = $1`, [ana])).toEqual([
      { status: 'active', consent_purposes: ['training-offers'] },
    ]);
    expect(await testDb.query(`SELECT purposes, source FROM consent_withdrawals WHERE candidate_id = $1`, [ana])).toEqual([
      { purposes: ['job-opportunities'], source: 'unsubscribe-link' },
    ]);
    expect(await opportunityLink(tokens.get(ana!)!)).toMatchObject({ subscribed: false });

    // RFC 8058: a POST of List-Unsubscribe=One-Click to the List-Unsubscribe address, nothing else.
    const url = `http://127.0.0.1:3000/en/unsubscribe/one-click?token=${tokens.get(ben!)!}`;
    const oneClick = () =>
      handleOneClickUnsubscribe(
        new Request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' }),
        'en',
      );
    const first = await oneClick();
    expect(first.status).toBe(200);
    expect(await first.text()).toMatch(/will not write to you/);
    expect((await oneClick()).status).toBe(200);
    expect(await testDb.query(`SELECT purposes, source FROM consent_withdrawals WHERE candidate_id = $1`, [ben])).toEqual([
      { purposes: ['job-opportunities'], source: 'list-unsubscribe' },
    ]);
    expect(await testDb.query(`SELECT consent_purposes FROM candidates WHERE id = $1`, [ben])).toEqual([{ consent_purposes: ['training-offers'] }]);
    // A body without the one-click field, or a made-up token, changes nothing.
    const bad = await handleOneClickUnsubscribe(new Request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'x=1' }), 'en');
    expect(bad.status).toBe(400);
    const unknown = await handleOneClickUnsubscribe(
      new Request('http://127.0.0.1:3000/es/unsubscribe/one-click?token=' + 'z'.repeat(43), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      }),
      'es',
    );
    expect(unknown.status).toBe(404);
    expect(await testDb.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'candidate.unsubscribe'`)).toEqual([{ n: 2 }]);
  });

  it('unsubscribing from the last purpose in force revokes the candidate', async () => {
    const viewer = await staffViewer();
    const [id] = await insertCandidates(testDb, [{ email: 'ana@example.com', fullName: 'Ana' }]);
    await testDb.query(`UPDATE candidates SET consent_purposes = ARRAY['training-offers']`);
    const opportunity = await insertOpportunity(testDb, { kind: 'cohort' });
    const tokens = await announceAndRelease(viewer, opportunity);
    expect(await unsubscribe(tokens.get(id!)!, 'unsubscribe-link')).toBe('done');
    expect(await testDb.query(`SELECT status::text, consent_purposes FROM candidates`)).toEqual([{ status: 'revoked', consent_purposes: [] }]);
    expect(await testDb.query(`SELECT count(*)::int AS n FROM consents WHERE revoked_at IS NULL`)).toEqual([{ n: 0 }]);
  });
});

describe('the pipeline', () => {
  it('each change is stored with who, when and the note, audited, and shown on the candidate\'s staff page; referring records the sharing', async () => {
    const viewer = await staffViewer();
    const [id] = await insertCandidates(testDb, [{ email: 'ana@example.com', fullName: 'Ana Pérez' }]);
    const opportunity = await insertOpportunity(testDb, { kind: 'job', employer: 'BPO Valle S.A.S.' });
    await announceAndRelease(viewer, opportunity);

    const change = (status: string, note = '') => changePipelineStatus(viewer, { opportunityId: opportunity, candidateId: id!, status: status as 'placed', note }, context);
    expect(await change('shortlisted', 'Buen nivel de inglés')).toEqual({ ok: true, from: 'announced', to: 'shortlisted' });
    // The employer receives as a controller: referring needs the candidate's consent to share with partners.
    expect(await change('referred')).toEqual({ ok: false, error: 'consentNotInForce' });
    await testDb.query(`UPDATE candidates SET consent_purposes = consent_purposes || ARRAY['share-with-partners'] WHERE id = $1`, [id]);
    expect(await change('referred')).toEqual({ ok: true, from: 'shortlisted', to: 'referred' });
    expect(await change('placed', 'Empieza el lunes')).toEqual({ ok: true, from: 'referred', to: 'placed' });
    expect(await change('nonsense')).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { status: 'status' } });
    expect(await change('placed', 'x'.repeat(2_001))).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { note: 'noteTooLong' } });

    const events = await testDb.query<{ status: string; note: string | null; staff: string | null }>(
      `SELECT e.status::text, e.note, s.email AS staff FROM opportunity_pipeline_events e LEFT JOIN staff_users s ON s.id = e.staff_user_id ORDER BY e.id`,
    );
    expect(events).toEqual([
      { status: 'shortlisted', note: 'Buen nivel de inglés', staff: 'staff@agency.example' },
      { status: 'referred', note: null, staff: 'staff@agency.example' },
      { status: 'placed', note: 'Empieza el lunes', staff: 'staff@agency.example' },
    ]);
    const audits = await testDb.query<{ action: string; details: Record<string, unknown> }>(
      `SELECT action, details FROM audit_events WHERE action IN ('opportunity.pipeline-change', 'opportunity.refer') ORDER BY id`,
    );
    const [employer] = await testDb.query<{ id: string }>(`SELECT id FROM partner_organizations`);
    expect(audits).toEqual([
      { action: 'opportunity.pipeline-change', details: { opportunityId: opportunity, candidateId: id, from: 'announced', to: 'shortlisted', note: true } },
      { action: 'opportunity.pipeline-change', details: { opportunityId: opportunity, candidateId: id, from: 'shortlisted', to: 'referred', note: false } },
      { action: 'opportunity.refer', details: { opportunityId: opportunity, candidateId: id, organizationId: employer!.id, program: null } },
      { action: 'opportunity.pipeline-change', details: { opportunityId: opportunity, candidateId: id, from: 'referred', to: 'placed', note: true } },
    ]);
    // The referral is in the sharing register too, as one candidate sent to the employer.
    expect(
      await testDb.query(`SELECT s.format, s.organization_id, s.row_count, sc.candidate_id FROM sharings s JOIN sharing_candidates sc ON sc.sharing_id = s.id`),
    ).toEqual([{ format: 'referral', organization_id: employer!.id, row_count: 1, candidate_id: id }]);

    const pipeline = await opportunityPipeline(viewer, opportunity, { status: 'placed' });
    expect(pipeline!.rows).toMatchObject([{ candidateId: id, fullName: 'Ana Pérez', status: 'placed', lastNote: 'Empieza el lunes', mailStatus: 'queued' }]);
    const onTheirPage = await candidateOpportunities(viewer, id!);
    expect(onTheirPage).toMatchObject([{ opportunityId: opportunity, status: 'placed', history: [{ status: 'shortlisted' }, { status: 'referred' }, { status: 'placed', by: 'Sam Staff' }] }]);

    // The dashboard's outcomes count the candidate once in each measure reached, under the employer.
    const outcomes = await opportunityOutcomes(viewer);
    expect(outcomes).toMatchObject([{ dimension: 'employer', group: 'BPO Valle S.A.S.', announced: 1, interested: 0, referred: 1, placed: 1 }]);
  });

  it('a candidate whose consent for the purpose was withdrawn cannot be referred', async () => {
    const viewer = await staffViewer();
    const [id] = await insertCandidates(testDb, [{ email: 'ana@example.com', fullName: 'Ana' }]);
    const opportunity = await insertOpportunity(testDb, { kind: 'job' });
    const tokens = await announceAndRelease(viewer, opportunity);
    await unsubscribe(tokens.get(id!)!, 'unsubscribe-link');
    expect(await changePipelineStatus(viewer, { opportunityId: opportunity, candidateId: id!, status: 'referred', note: '' }, context)).toEqual({
      ok: false,
      error: 'consentNotInForce',
    });
    expect(await testDb.query(`SELECT 1 FROM audit_events WHERE action = 'opportunity.refer'`)).toEqual([]);
  });

  it('the outcomes CSV needs a session, is audited and names the program in the staff member\'s language', async () => {
    const account = await createStaff('staff');
    const { token, viewer } = await signedIn(account.email);
    await insertCandidates(testDb, [{ email: 'ana@example.com', fullName: 'Ana' }]);
    const opportunity = await insertOpportunity(testDb, { kind: 'cohort', program: 'hello-valle' });
    await announceOpportunity(viewer, opportunity, context);
    const request = (cookie?: string) =>
      new Request('http://127.0.0.1:3000/api/staff/opportunities/outcomes?locale=en', { headers: { host: '127.0.0.1:3000', ...(cookie ? { cookie } : {}) } });
    expect((await handleOutcomesCsvRequest(request())).status).toBe(401);
    const response = await handleOutcomesCsvRequest(request(`__Host-bt_session=${token}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/filename="opportunity-outcomes-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = (await response.text()).replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('"By","Program or employer","Month","Told","Interested","Referred","Enrolled or hired"');
    expect(lines[1]).toMatch(/^"Program","Hello Valle!?","\d{4}-\d{2}",1,0,0,0$/);
    expect(await testDb.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'opportunity.outcomes-export'`)).toEqual([{ n: 1 }]);
  });
});
