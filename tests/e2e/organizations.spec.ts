import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { routing, type Locale } from '@/lib/i18n/routing';
import en from '@/messages/en.json' with { type: 'json' };
import es from '@/messages/es.json' with { type: 'json' };
import { axeTags, e2eState, mailTo, queryDb } from './support';

// An organization asks to take part through /join's form, without JavaScript (the form is plain HTML either way):
// errors come back localized with everything typed, then the request is stored, acknowledged by mail and listed
// for staff, who change its status.
const messages = { en, es } as const;

async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function signInAsStaff(page: Page, locale: Locale) {
  const { email, password } = e2eState().staff.staff;
  await page.goto(`/${locale}/staff/login`);
  await page.getByLabel(locale === 'es' ? 'Correo electrónico' : 'Email').fill(email);
  await page.getByLabel(locale === 'es' ? 'Contraseña' : 'Password').fill(password);
  await page.getByRole('button', { name: locale === 'es' ? 'Ingresar' : 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/staff$`));
}

for (const locale of routing.locales) {
  const t = messages[locale].OrganizationForm;

  test(`an organization in ${locale} takes part through the form without JavaScript, and staff follow it up`, async ({ browser }) => {
    const email = `org-${locale}-${Date.now()}@example.com`;
    const organization = `Colegio de prueba ${locale} ${Date.now()}`;
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 667 } });
    const page = await context.newPage();
    await page.goto(`/${locale}/join`);
    // No mailto link per audience any more: one form, one address to write to.
    expect(await page.locator('main a[href^="mailto:"]').count()).toBe(1);

    const form = page.locator('#organization-form');
    await form.getByLabel(t.organization.label).fill(organization);
    await form.getByLabel(t.email.label).fill('not-an-address');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/${locale}/join/submit`)),
      form.getByRole('button', { name: t.submit }).click(),
    ]);
    expect(response.status()).toBe(422);
    // The title and the focused summary say it was not sent; what was typed is still there.
    await expect(page).toHaveTitle(new RegExp(messages[locale].JoinReview.titleNotSent.split(' ')[0]!));
    const summary = page.getByRole('group', { name: /.+/ }).filter({ has: page.locator('#org-summary') });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText(t.errors.email.invalid);
    await expect(summary).toContainText(t.errors.kind.required);
    await expect(form.getByLabel(t.organization.label)).toHaveValue(organization);
    await expect(form.getByLabel(t.email.label)).toHaveValue('not-an-address');

    await form.getByLabel(t.email.label).fill(email);
    await form.getByLabel(t.kind.label).selectOption('school');
    await form.getByLabel(t.contactName.label).fill('Ana María Pérez');
    await form.getByLabel(t.phone.label).fill('300 123 4567');
    await form.getByLabel(t.purposes.options.train).check();
    await form.getByLabel(t.purposes.options.mesa).check();
    await form.locator('#org-consent').check();
    await form.getByRole('button', { name: t.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/join/sent$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(messages[locale].JoinSent.title);
    await context.close();

    const [stored] = await queryDb<{ id: string; kind: string; purposes: string[]; status: string }>(
      `SELECT id, kind, purposes, status FROM organization_requests WHERE email = $1`,
      [email],
    );
    expect(stored).toMatchObject({ kind: 'school', purposes: ['train', 'mesa'], status: 'new' });
    const mail = await mailTo(email, new RegExp(messages[locale].Mail.organizationRequest.subject.split(' – ')[0]!));
    expect(mail.text).toContain(messages[locale].Mail.organizationRequest.purposes.mesa);

    // axe needs scripts: the same pages in a browser with JavaScript (the form posts the same way there).
    const checked = await (await browser.newContext({ viewport: { width: 375, height: 667 } })).newPage();
    await checked.goto(`/${locale}/join`);
    await expectAxeClean(checked);
    await checked.locator('#organization-form').getByRole('button', { name: t.submit }).click();
    await expect(checked.locator('#org-summary')).toBeVisible();
    await expectAxeClean(checked);
    await checked.context().close();

    const staff = await (await browser.newContext()).newPage();
    await signInAsStaff(staff, locale);
    await staff.goto(`/${locale}/staff/organizations`);
    const row = staff.locator(`tr[data-request-id="${stored!.id}"]`);
    await expect(row).toContainText(organization);
    await expect(row).toContainText(email);
    await expectAxeClean(staff);
    await row.getByRole('combobox').selectOption('in_progress');
    await row.getByRole('button', { name: messages[locale].StaffOrganizations.save }).click();
    await expect(staff.getByRole('status')).toHaveText(messages[locale].StaffOrganizations.saved);
    const [after] = await queryDb<{ status: string }>(`SELECT status FROM organization_requests WHERE id = $1`, [stored!.id]);
    expect(after!.status).toBe('in_progress');
    const audit = await queryDb(`SELECT 1 FROM audit_events WHERE action = 'organization.status' AND details->>'requestId' = $1`, [stored!.id]);
    expect(audit).toHaveLength(1);
    await staff.context().close();
  });
}
