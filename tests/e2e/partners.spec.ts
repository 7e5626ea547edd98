import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import en from '../../messages/en.json' with { type: 'json' };
import es from '../../messages/es.json' with { type: 'json' };
import { axeTags, e2eState, queryDb } from './support';

// Admins keep the partner organizations; an export names one and a purpose, and the candidate's staff page lists it.

const messages = { en, es } as const;

async function signIn(page: Page, locale: 'es' | 'en') {
  const { email, password } = e2eState().staff.admin;
  await page.goto(`/${locale}/staff/login`);
  await page.getByLabel(locale === 'es' ? 'Correo electrónico' : 'Email').fill(email);
  await page.getByLabel(locale === 'es' ? 'Contraseña' : 'Password').fill(password);
  await page.getByRole('button', { name: locale === 'es' ? 'Ingresar' : 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/staff$`));
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const locale of ['es', 'en'] as const) {
  const t = messages[locale];
  test(`${locale}: an admin adds a partner, exports for it, and the candidate's staff page lists the sharing`, async ({ page }) => {
    await signIn(page, locale);
    await page.getByRole('link', { name: t.StaffNav.partners }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/staff/partners$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.StaffPartners.title);
    await expectNoAxeViolations(page);

    // A mistake comes back with a clear message and what was typed.
    const name = `E2E Aliado ${locale} ${Date.now()}`;
    await page.getByLabel(t.StaffPartners.country, { exact: true }).fill('U1');
    await page.getByLabel(t.StaffPartners.agreementReference, { exact: true }).fill('Convenio 12-2026');
    await page.getByRole('button', { name: t.StaffPartners.add }).click();
    await expect(page.locator('form [role="alert"]')).toContainText(t.StaffPartners.errorSummary);
    await expect(page.getByText(t.StaffPartners.errors.nameRequired)).toBeVisible();
    await expect(page.getByText(t.StaffPartners.errors.countryInvalid)).toBeVisible();
    await expect(page.getByLabel(t.StaffPartners.agreementReference, { exact: true })).toHaveValue('Convenio 12-2026');
    await expectNoAxeViolations(page);

    await page.getByLabel(t.StaffPartners.name, { exact: true }).fill(name);
    await page.getByLabel(t.StaffPartners.kind, { exact: true }).selectOption('training_provider');
    await page.getByLabel(t.StaffPartners.country, { exact: true }).fill('us');
    await page.getByLabel(t.StaffPartners.receivesAsOptions.processor, { exact: true }).check();
    await page.getByRole('button', { name: t.StaffPartners.add }).click();
    await expect(page.getByRole('status')).toContainText(name);
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText(t.StaffPartners.kinds.training_provider);
    await expect(row).toContainText('US');
    await expect(row).toContainText('Convenio 12-2026');
    await expectNoAxeViolations(page);
    const [partner] = await queryDb<{ id: string }>(`SELECT id FROM partner_organizations WHERE name = $1`, [name]);
    const audited = await queryDb(`SELECT action FROM audit_events WHERE action = 'partner.create' AND details->>'partnerId' = $1`, [partner!.id]);
    expect(audited).toHaveLength(1);

    // Export one seeded candidate for it.
    const [candidate] = await queryDb<{ id: string; email: string }>(
      `SELECT id, email FROM candidates WHERE email LIKE '%@staff-e2e.test' AND status = 'active' ORDER BY created_at, id OFFSET $1 LIMIT 1`,
      [locale === 'es' ? 0 : 1],
    );
    await page.goto(`/${locale}/staff/candidates?q=${encodeURIComponent(candidate!.email)}`);
    // Without an organization or a purpose the export does not start, and says why.
    await page.getByRole('button', { name: t.StaffCandidates.exportCsv }).click();
    await expect(page.locator('form [role="alert"]')).toContainText(t.StaffCandidates.exportErrorSummary);
    await expect(page.getByText(t.StaffCandidates.exportErrors.organizationRequired)).toBeVisible();
    await expect(page.getByText(t.StaffCandidates.exportErrors.purposeRequired)).toBeVisible();
    await expect(page.getByLabel(t.StaffCandidates.q, { exact: true })).toHaveValue(candidate!.email);

    const purpose = locale === 'es' ? 'Curso de inglés para centros de contacto, cohorte de febrero' : 'English for contact centers, February cohort';
    await page.getByLabel(t.StaffCandidates.exportOrganization, { exact: true }).selectOption(partner!.id);
    await page.getByLabel(t.StaffCandidates.exportPurpose, { exact: true }).fill(purpose);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t.StaffCandidates.exportCsv }).click()]);
    expect(download.suggestedFilename()).toMatch(/^(candidatos|candidates)-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
    expect((await download.failure()) ?? null).toBeNull();

    const shared = await queryDb<{ candidate_id: string }>(
      `SELECT sc.candidate_id FROM sharings s JOIN sharing_candidates sc ON sc.sharing_id = s.id WHERE s.organization_id = $1`,
      [partner!.id],
    );
    expect(shared).toEqual([{ candidate_id: candidate!.id }]);

    await page.goto(`/${locale}/staff/candidates/${candidate!.id}`);
    const sharings = page.locator('section[aria-labelledby="sharings"]');
    await expect(sharings.getByRole('heading', { level: 2 })).toHaveText(t.StaffCandidate.sharingsTitle);
    await expect(sharings).toContainText(name);
    await expect(sharings).toContainText(purpose);
    await expectNoAxeViolations(page);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('adding a partner works as a plain form, errors included', async ({ page }) => {
    await signIn(page, 'en');
    await page.goto('/en/staff/partners');
    await page.getByLabel(en.StaffPartners.country, { exact: true }).fill('1');
    await page.getByRole('button', { name: en.StaffPartners.add }).click();
    await expect(page.getByText(en.StaffPartners.errors.nameRequired)).toBeVisible();
    await expect(page.getByLabel(en.StaffPartners.country, { exact: true })).toHaveValue('1');
    const name = `E2E No JS ${Date.now()}`;
    await page.getByLabel(en.StaffPartners.name, { exact: true }).fill(name);
    await page.getByLabel(en.StaffPartners.country, { exact: true }).fill('CO');
    await page.getByRole('button', { name: en.StaffPartners.add }).click();
    await expect(page.getByText(`${name} was added.`)).toBeVisible();
    await page.getByRole('button', { name: `Archive ${name}` }).click();
    await expect(page.getByRole('status')).toContainText(en.StaffPartners.notice.archived);
  });
});
