// An opportunity from announcement to outcome, in Chromium against next start and the e2e server's SMTP server,
// in both languages: staff see who matches and announce a published job opening (inserted with SQL: the forms that
// create opportunities are tested on their own), the candidate reads the mail, says "I'm interested" (the link's
// page changes nothing until its button is pressed), staff see it on the pipeline and move the candidate to hired,
// and the dashboard's outcomes count it; then the mail's unsubscribe link and its RFC 8058 one-click POST. axe
// checks every page on the way.
import type { Page } from '@playwright/test';
import en from '../../messages/en.json' with { type: 'json' };
import es from '../../messages/es.json' with { type: 'json' };
import { e2eState, linkIn, mailTo, queryDb } from './support';
import { expect, expectNoAxeViolations, test, uniqueEmail } from './talent-support';

const messages = { en, es } as const;

test.describe.configure({ timeout: 180_000 });

async function signInAsStaff(page: Page, locale: 'es' | 'en') {
  const { email, password } = e2eState().staff.staff;
  await page.goto(`/${locale}/staff/login`);
  await page.locator('#staff-email').fill(email);
  await page.locator('#staff-password').fill(password);
  await page.getByRole('button', { name: messages[locale].StaffLogin.submit }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/staff$`));
}

/** A confirmed candidate and a published job opening only they match (an interest area of their own). */
async function arrange(locale: 'es' | 'en') {
  const tag = `e2e-opportunity-${locale}-${Date.now().toString(36)}`;
  const email = uniqueEmail(`opportunity-${locale}`);
  const employer = `Empresa E2E ${tag}`;
  const [candidate] = await queryDb<{ id: string }>(
    `INSERT INTO candidates (email, full_name, phone, municipality, birth_year, english_level, interests, programs, locale, status, consent_purposes, confirmed_at)
     VALUES ($1, 'Carolina Opportunity', '+573001112233', '76001', 1996, 'B2', ARRAY[$2], ARRAY['hello-valle'], $3, 'active',
             ARRAY['training-offers', 'job-opportunities'], now())
     RETURNING id`,
    [email, tag, locale],
  );
  const [organization] = await queryDb<{ id: string }>(`INSERT INTO partner_organizations (name, kind, receives_as) VALUES ($1, 'employer', 'controller') RETURNING id`, [employer]);
  const [opportunity] = await queryDb<{ id: string }>(
    `INSERT INTO opportunities (slug, kind, state, title_es, title_en, description_es, description_en, employer_id, min_english_level, municipalities, interests,
                                min_age, max_age, published_at)
     VALUES ($1, 'job', 'published', 'Agente bilingüe E2E', 'Bilingual agent E2E', 'Atención a clientes en inglés.', 'Customer service in English.', $2, 'B1',
             ARRAY['76001'], ARRAY[$3], 18, 45, now())
     RETURNING id`,
    [tag, organization!.id, tag],
  );
  return { email, employer, candidateId: candidate!.id, opportunityId: opportunity!.id };
}

/** The outcomes table's row for an employer on the dashboard: [told, interested, referred, placed]. */
async function outcomesFor(page: Page, locale: 'es' | 'en', employer: string): Promise<string[]> {
  await page.goto(`/${locale}/staff`);
  const row = page.locator('#outcomes-employer-title').locator('xpath=..').getByRole('row', { name: employer });
  if ((await row.count()) === 0) return [];
  return row.getByRole('cell').allTextContents();
}

for (const locale of ['es', 'en'] as const) {
  test(`${locale}: announce, "I'm interested" from the mail, the pipeline to hired, the dashboard; then unsubscribe`, async ({ page, request }) => {
    const t = messages[locale];
    const { email, employer, candidateId, opportunityId } = await arrange(locale);
    const base = `/${locale}/staff/opportunities/${opportunityId}`;
    await signInAsStaff(page, locale);
    expect(await outcomesFor(page, locale, employer)).toEqual([]);

    await page.goto(`${base}/matches`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'en' ? 'Bilingual agent E2E' : 'Agente bilingüe E2E');
    await expect(page.getByTestId('matches-total')).toHaveText('1');
    await expect(page.getByRole('cell', { name: 'Carolina Opportunity' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto(`${base}/announce`);
    await expectNoAxeViolations(page);
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: new RegExp(locale === 'en' ? 'Announce to 1 candidate' : 'Avisar a 1 candidato') }).click();
    await expect(page.getByRole('status')).toContainText(locale === 'en' ? '1 mail queued' : '1 correo en cola');
    await expectNoAxeViolations(page);

    const mail = await mailTo(email, locale === 'en' ? /A job opening for you/ : /Una vacante para ti/, 60_000);
    expect(mail.text).toContain(`/${locale}/opportunities/`);
    // The page refreshes itself while mails go out: the sent count reaches 1.
    await expect(page.getByTestId('progress-sent')).toHaveText('1', { timeout: 30_000 });

    // The mail's "I'm interested": opening the link records nothing; its button does, once.
    await page.goto(linkIn(mail, `/${locale}/interest`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.Interest.title);
    expect(await queryDb(`SELECT status::text FROM opportunity_candidates WHERE candidate_id = $1`, [candidateId])).toEqual([{ status: 'announced' }]);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: t.Interest.button }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/interest/done$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.Interest.doneTitle);
    await expectNoAxeViolations(page);
    await page.goto(linkIn(mail, `/${locale}/interest`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.Interest.alreadyTitle);

    // Staff see it on the pipeline, and move the candidate to hired with a note.
    expect(await outcomesFor(page, locale, employer)).toEqual(['1', '1', '0', '0']);
    await page.goto(`${base}/pipeline`);
    await expect(page.getByTestId('pipeline-status')).toContainText(t.PipelineStatus.interested);
    await expectNoAxeViolations(page);
    await page.getByLabel(t.StaffPipeline.newStatus.replace('{name}', 'Carolina Opportunity')).selectOption('placed');
    await page.getByLabel(t.StaffPipeline.note.replace('{name}', 'Carolina Opportunity')).fill(locale === 'en' ? 'Starts on Monday' : 'Empieza el lunes');
    await page.getByRole('button', { name: t.StaffPipeline.save }).click();
    await expect(page.getByRole('status')).toHaveText(t.StaffPipeline.notices.changed);
    await expect(page.getByTestId('pipeline-status')).toContainText(locale === 'en' ? 'Hired' : 'Contratado');
    await expectNoAxeViolations(page);
    expect(await queryDb(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'opportunity.pipeline-change' AND details->>'candidateId' = $1`, [candidateId])).toEqual([{ n: 1 }]);

    // The dashboard's count changed; the candidate's staff page lists the opportunity.
    expect(await outcomesFor(page, locale, employer)).toEqual(['1', '1', '0', '1']);
    await expectNoAxeViolations(page);
    await page.goto(`/${locale}/staff/candidates/${candidateId}`);
    await expect(page.getByRole('heading', { name: t.CandidateOpportunities.title })).toBeVisible();
    await expect(page.getByRole('link', { name: locale === 'en' ? 'Bilingual agent E2E' : 'Agente bilingüe E2E' })).toBeVisible();

    // Unsubscribe: the page asks, the button withdraws the job-opportunities consent at once.
    await page.goto(linkIn(mail, `/${locale}/unsubscribe`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'en' ? 'Stop messages about jobs' : 'Dejar de recibir mensajes sobre empleos');
    await expectNoAxeViolations(page);
    expect(await queryDb(`SELECT consent_purposes FROM candidates WHERE id = $1`, [candidateId])).toEqual([{ consent_purposes: ['training-offers', 'job-opportunities'] }]);
    await page.getByRole('button', { name: locale === 'en' ? 'Stop messages about jobs' : 'Dejar de recibir mensajes sobre empleos' }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/unsubscribe/done$`));
    await expectNoAxeViolations(page);
    expect(await queryDb(`SELECT consent_purposes FROM candidates WHERE id = $1`, [candidateId])).toEqual([{ consent_purposes: ['training-offers'] }]);

    // The one-click POST a mail program sends (RFC 8058) to the List-Unsubscribe address: accepted, nothing left to do.
    const token = /token=([A-Za-z0-9_-]{43})/.exec(linkIn(mail, `/${locale}/unsubscribe`))![1]!;
    const oneClick = await request.post(`/${locale}/unsubscribe/one-click?token=${token}`, { form: { 'List-Unsubscribe': 'One-Click' } });
    expect(oneClick.status()).toBe(200);
    expect(await queryDb(`SELECT count(*)::int AS n FROM consent_withdrawals WHERE candidate_id = $1`, [candidateId])).toEqual([{ n: 1 }]);
  });
}
