import { describe, expect, it } from 'vitest';
import { closeOpportunity, createOpportunity, getOpportunityForStaff, listOpportunitiesForStaff, publishOpportunity, updateOpportunity } from '@/lib/opportunities/manage';
import { publicOpportunity, publishedOpportunities, sitemapOpportunities, upcomingCohorts } from '@/lib/opportunities/public';
import { listPartnerOptions } from '@/lib/partners/list';
import { emptyOpportunityValues, type OpportunityFormValues } from '@/lib/opportunities/schema';
import { UnauthorizedError, type Viewer } from '@/lib/staff/session';
import { signOut } from '@/lib/staff/sign-in';
import { perTestDatabase } from '../support/test-database.ts';
import { createStaff, signedIn } from '../support/staff-fixtures.ts';

const testDb = perTestDatabase();
const ctx = { ipAddress: '198.51.100.7' };

function cohort(over: Partial<OpportunityFormValues> = {}): OpportunityFormValues {
  return {
    ...emptyOpportunityValues('cohort'),
    titleEs: 'Cohorte de marzo',
    titleEn: 'March cohort',
    descriptionEs: 'Clases de inglés.',
    descriptionEn: 'English classes.',
    program: 'hello-valle',
    startsOn: '2099-03-01',
    endsOn: '2099-08-31',
    mode: 'online',
    ...over,
  };
}

async function employer(name = 'Contact Co', kind = 'employer') {
  const [row] = await testDb.query<{ id: string }>(
    `INSERT INTO partner_organizations (name, kind, receives_as) VALUES ($1, $2::partner_kind, 'controller') RETURNING id`,
    [name, kind],
  );
  return row!.id;
}

async function auditOf(id: string) {
  return testDb.query<{ action: string; actor_email: string; ip_address: string; details: Record<string, unknown> }>(
    `SELECT action, actor_email, ip_address::text AS ip_address, details FROM audit_events WHERE details->>'opportunity' = $1 ORDER BY id`,
    [id],
  );
}

async function staffViewer(): Promise<Viewer> {
  const staff = await createStaff('staff');
  return (await signedIn(staff.email)).viewer;
}

describe('opportunities: create, publish, edit, close', () => {
  it('a draft may be in one language; publishing needs both, and each step is audited with who did it', async () => {
    const viewer = await staffViewer();
    const created = await createOpportunity(viewer, cohort({ titleEn: '', descriptionEn: '' }), ctx);
    expect(created).toMatchObject({ ok: true, state: 'draft' });
    if (!created.ok) throw new Error('not created');

    const refused = await publishOpportunity(viewer, created.id, ctx);
    expect(refused).toEqual({ ok: false, errors: { titleEn: 'required', descriptionEn: 'required' } });
    const [draft] = await testDb.query<{ state: string; published_at: Date | null }>(`SELECT state, published_at FROM opportunities WHERE id = $1`, [created.id]);
    expect(draft).toEqual({ state: 'draft', published_at: null });
    // Not public: no page, not listed.
    expect(await publicOpportunity(created.slug)).toBeNull();
    expect(await publishedOpportunities()).toEqual([]);

    const saved = await updateOpportunity(viewer, created.id, cohort(), ctx);
    expect(saved).toMatchObject({ ok: true, state: 'draft' });
    const published = await publishOpportunity(viewer, created.id, ctx);
    expect(published).toMatchObject({ ok: true, state: 'published', slug: expect.stringMatching(/^cohorte-de-marzo-[a-z0-9]{6}$/) });
    if (!published.ok) throw new Error('not published');

    const audit = await auditOf(created.id);
    expect(audit.map((a) => a.action)).toEqual(['opportunity.create', 'opportunity.update', 'opportunity.publish']);
    expect(audit.every((a) => a.actor_email === 'staff@agency.example' && a.ip_address === '198.51.100.7')).toBe(true);
    expect(audit[1]!.details.changed).toEqual(['titleEn', 'descriptionEn']);
    // No texts in the audit trail: what changed, never what it says.
    expect(JSON.stringify(audit)).not.toContain('English classes');

    const page = await publicOpportunity(published.slug);
    expect(page).toMatchObject({ state: 'published', title: { es: 'Cohorte de marzo', en: 'March cohort' }, program: 'hello-valle', startsOn: '2099-03-01' });
    expect((await publishedOpportunities()).map((o) => o.slug)).toEqual([published.slug]);
    expect((await upcomingCohorts('hello-valle', '2026-12-03')).map((o) => o.slug)).toEqual([published.slug]);
    expect(await upcomingCohorts('hello-valle', '2100-01-01')).toEqual([]);
    expect((await sitemapOpportunities()).map((o) => o.slug)).toEqual([published.slug]);
  });

  it('the database refuses a published opportunity without both languages, whatever the code does', async () => {
    const viewer = await staffViewer();
    const created = await createOpportunity(viewer, cohort({ titleEn: '' }), ctx);
    if (!created.ok) throw new Error('not created');
    await expect(testDb.query(`UPDATE opportunities SET state = 'published' WHERE id = $1`, [created.id])).rejects.toThrow(/opportunities_bilingual_check/);
  });

  it('a published opportunity stays complete when edited, keeps its address, and its kind never changes', async () => {
    const viewer = await staffViewer();
    const created = await createOpportunity(viewer, cohort(), ctx);
    if (!created.ok) throw new Error('not created');
    const published = await publishOpportunity(viewer, created.id, ctx);
    if (!published.ok) throw new Error('not published');

    expect(await updateOpportunity(viewer, created.id, cohort({ descriptionEn: '' }), ctx)).toEqual({ ok: false, errors: { descriptionEn: 'required' } });
    expect(await updateOpportunity(viewer, created.id, { ...cohort(), kind: 'job' }, ctx)).toMatchObject({ ok: false });
    const edited = await updateOpportunity(viewer, created.id, cohort({ titleEn: 'March cohort, evenings' }), ctx);
    expect(edited).toMatchObject({ ok: true, state: 'published', slug: published.slug });
    expect((await publicOpportunity(published.slug))?.title.en).toBe('March cohort, evenings');
  });

  it('closing keeps the page (saying closed) but leaves the list, the program page and the sitemap; only a published one closes', async () => {
    const viewer = await staffViewer();
    const created = await createOpportunity(viewer, cohort(), ctx);
    if (!created.ok) throw new Error('not created');
    expect(await closeOpportunity(viewer, created.id, ctx)).toEqual({ ok: false, errors: { state: 'invalid' } });
    const published = await publishOpportunity(viewer, created.id, ctx);
    if (!published.ok) throw new Error('not published');

    expect(await closeOpportunity(viewer, created.id, ctx)).toMatchObject({ ok: true, state: 'closed', slug: published.slug });
    expect(await publicOpportunity(published.slug)).toMatchObject({ state: 'closed', closedAt: expect.any(String) });
    expect(await publishedOpportunities()).toEqual([]);
    expect(await upcomingCohorts('hello-valle', '2026-12-03')).toEqual([]);
    expect(await sitemapOpportunities()).toEqual([]);
    expect((await auditOf(created.id)).map((a) => a.action)).toEqual(['opportunity.create', 'opportunity.publish', 'opportunity.close']);

    // Published again: the same address.
    expect(await publishOpportunity(viewer, created.id, ctx)).toMatchObject({ ok: true, state: 'published', slug: published.slug });
  });

  it('a job opening names a partner employer (not another kind of partner, nor an unknown one)', async () => {
    const viewer = await staffViewer();
    const contact = await employer();
    const school = await employer('A School', 'training_provider');
    expect(await listPartnerOptions(viewer, { kind: 'employer' })).toEqual([{ id: contact, name: 'Contact Co', kind: 'employer', country: 'CO', receivesAs: 'controller' }]);
    const job: OpportunityFormValues = {
      ...emptyOpportunityValues('job'),
      titleEs: 'Agente bilingüe',
      titleEn: 'Bilingual agent',
      descriptionEs: 'Atiende clientes.',
      descriptionEn: 'Serve customers.',
      closesOn: '2099-01-31',
      municipalities: ['76001'],
      salaryMin: '2.500.000',
      salaryMax: '3200000',
    };
    expect(await createOpportunity(viewer, { ...job, employerId: school }, ctx)).toEqual({ ok: false, errors: { employerId: 'invalid' } });
    expect(await createOpportunity(viewer, { ...job, employerId: '0b7c8e1e-3f0a-4f2b-9b1d-2a3c4d5e6f70' }, ctx)).toEqual({ ok: false, errors: { employerId: 'invalid' } });
    const created = await createOpportunity(viewer, { ...job, employerId: contact }, ctx);
    if (!created.ok) throw new Error('not created');
    const published = await publishOpportunity(viewer, created.id, ctx);
    if (!published.ok) throw new Error('not published');
    expect(await publicOpportunity(published.slug)).toMatchObject({
      kind: 'job',
      employerName: 'Contact Co',
      salaryMin: 2_500_000,
      salaryMax: 3_200_000,
      salaryCurrency: 'COP',
      closesOn: '2099-01-31',
      municipalities: ['76001'],
      program: null,
    });
    expect((await listOpportunitiesForStaff(viewer)).map((o) => o.employerName)).toEqual(['Contact Co']);
  });

  it('every function refuses without a live staff session, and nothing changes', async () => {
    const staff = await createStaff('staff');
    const { token, viewer } = await signedIn(staff.email);
    const created = await createOpportunity(viewer, cohort(), ctx);
    if (!created.ok) throw new Error('not created');
    await signOut(token, { ipAddress: null, userAgent: null });
    for (const call of [
      () => listOpportunitiesForStaff(viewer),
      () => getOpportunityForStaff(viewer, created.id),
      () => createOpportunity(viewer, cohort(), ctx),
      () => updateOpportunity(viewer, created.id, cohort({ titleEn: 'x' }), ctx),
      () => publishOpportunity(viewer, created.id, ctx),
      () => closeOpportunity(viewer, created.id, ctx),
      () => listPartnerOptions(viewer),
      () => publishOpportunity({ ...viewer } as Viewer, created.id, ctx),
    ]) {
      await expect(call()).rejects.toBeInstanceOf(UnauthorizedError);
    }
    const rows = await testDb.query<{ state: string; title_en: string }>(`SELECT state, title_en FROM opportunities`);
    expect(rows).toEqual([{ state: 'draft', title_en: 'March cohort' }]);
    expect((await auditOf(created.id)).map((a) => a.action)).toEqual(['opportunity.create']);
  });
});
