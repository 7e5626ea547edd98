// The back office as a staff member reads it: its own header, a 403 that says so on pages the role may not see,
// and an audit log filtered with a plain form, whose actions and details read as sentences, never as codes.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { e2eState, queryDb } from './support';

const text = {
  es: {
    email: 'Correo electrónico',
    password: 'Contraseña',
    signIn: 'Ingresar',
    forbidden: 'No tiene acceso a esta página',
    audit: 'Registro de auditoría',
    signUp: 'Inscríbete',
    action: 'Acción',
    person: 'Persona o dirección',
    apply: 'Mostrar eventos',
    failed: 'Ingreso fallido',
    bursts: 'Ráfagas de ingresos fallidos',
    wrongPassword: 'Contraseña equivocada.',
    purposes: 'Finalidades vigentes',
    purposeWords: 'Ofertas de formación, Oportunidades de empleo',
    language: 'Español',
  },
  en: {
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    forbidden: 'You do not have access to this page',
    audit: 'Audit log',
    signUp: 'Sign up',
    action: 'Action',
    person: 'Person or address',
    apply: 'Show events',
    failed: 'Failed sign-in',
    bursts: 'Bursts of failed sign-ins',
    wrongPassword: 'Wrong password.',
    purposes: 'Purposes in force',
    purposeWords: 'Training offers, Job opportunities',
    language: 'Spanish',
  },
} as const;

async function signIn(page: Page, who: 'admin' | 'staff', locale: 'es' | 'en') {
  const { email, password } = e2eState().staff[who];
  await page.goto(`/${locale}/staff/login`);
  await page.getByLabel(text[locale].email).fill(email);
  await page.getByLabel(text[locale].password).fill(password);
  await page.getByRole('button', { name: text[locale].signIn }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/staff$`));
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const locale of ['es', 'en'] as const) {
  const t = text[locale];

  test.describe(`the back office in ${locale}`, () => {
    test('a page the role may not see answers 403, titled so, inside the staff header', async ({ page }) => {
      await signIn(page, 'staff', locale);
      const [member] = await queryDb<{ id: string }>(`SELECT id FROM staff_users WHERE email = $1`, [e2eState().staff.admin.email]);
      for (const path of ['/staff/audit', '/staff/users', `/staff/users/${member!.id}`, '/staff/retention']) {
        const response = await page.goto(`/${locale}${path}`);
        expect(response?.status(), path).toBe(403);
        expect(response?.headers()['cache-control']).toContain('no-store');
        await expect(page).toHaveTitle(new RegExp(`^${t.forbidden} \\|`));
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.forbidden);
        await expect(page.getByText(t.audit)).toHaveCount(0);
        await expect(page.locator('header[data-header="staff"]')).toBeVisible();
      }
      await expectNoAxeViolations(page);
      // Pages the role may see still answer 200.
      expect((await page.goto(`/${locale}/staff/candidates`))?.status()).toBe(200);
    });

    test('staff pages have their own header, without the public sections or the sign-up button', async ({ page }) => {
      await page.goto(`/${locale}/staff/login`);
      const header = page.locator('header');
      await expect(header).toHaveCount(1);
      await expect(header).toHaveAttribute('data-header', 'staff');
      await expect(header.getByRole('link', { name: t.signUp })).toHaveCount(0);
      await expect(page.locator(`header a[href="/${locale}/talent"], header a[href="/${locale}/programs"]`)).toHaveCount(0);
      await expect(header.locator(`a[href="/${locale}/staff"]`)).toHaveCount(1);
      await signIn(page, 'admin', locale);
      await expect(page.locator('header[data-header="staff"]')).toBeVisible();
      await expect(page.locator('header').getByRole('link', { name: t.signUp })).toHaveCount(0);
      await expectNoAxeViolations(page);
      // The public pages keep theirs.
      await page.goto(`/${locale}`);
      await expect(page.locator('header').getByRole('link', { name: t.signUp })).toHaveCount(1);
      await expect(page.locator('header[data-header="staff"]')).toHaveCount(0);
    });

    test('admins see the audit page titled as such, 200; axe finds nothing on it filtered, with a burst flagged', async ({ page }) => {
      test.setTimeout(120_000);
      const target = `axe-${locale}-${Date.now()}@e2e.example`;
      await queryDb(
        `INSERT INTO audit_events (actor_email, action, details, ip_address, created_at)
         SELECT $1, 'staff.sign-in-failed', '{"reason":"unknown-account"}', '192.0.2.200', now() - g * interval '30 seconds'
           FROM generate_series(1, 10) g`,
        [target],
      );
      await signIn(page, 'admin', locale);
      const response = await page.goto(`/${locale}/staff/audit?action=staff.sign-in-failed&person=${encodeURIComponent(target)}`);
      expect(response?.status()).toBe(200);
      await expect(page).toHaveTitle(new RegExp(`^${t.audit} \\|`));
      await expect(page.getByRole('region', { name: t.bursts })).toContainText(target);
      await expect(page.locator('tbody tr')).toHaveCount(10);
      await expectNoAxeViolations(page);
    });
  });

  test.describe(`the audit log in ${locale}, without JavaScript`, () => {
    test.use({ javaScriptEnabled: false });

    test('filters by action and person with a plain form, flags a burst of failed sign-ins, and shows no codes', async ({ page }) => {
      // Twelve failed sign-ins for one made-up account, a minute apart: a burst.
      const target = `burst-${locale}-${Date.now()}@e2e.example`;
      await queryDb(
        `INSERT INTO audit_events (actor_email, action, details, ip_address, created_at)
         SELECT $1, 'staff.sign-in-failed', '{"reason":"wrong-password"}', '192.0.2.' || g, now() - g * interval '1 minute'
           FROM generate_series(1, 12) g`,
        [target],
      );
      await signIn(page, 'admin', locale);
      await page.goto(`/${locale}/staff/audit`);
      const bursts = page.getByRole('region', { name: t.bursts });
      await expect(bursts).toContainText(target);
      await expect(bursts).toContainText('12');

      await page.getByLabel(t.action).selectOption({ label: t.failed });
      await page.getByLabel(t.person).fill(target);
      await page.getByRole('button', { name: t.apply }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/staff/audit\\?action=staff.sign-in-failed&person=`));
      const rows = page.locator('tbody tr');
      await expect(rows).toHaveCount(12);
      for (const row of await rows.all()) {
        await expect(row.locator('td').nth(2)).toHaveText(t.failed);
        await expect(row.locator('td').nth(3)).toHaveText(t.wrongPassword);
      }
      // The form keeps what was chosen, and the page reads without codes: no action names, no JSON.
      await expect(page.getByLabel(t.person)).toHaveValue(target);
      const body = (await page.locator('main').innerText()).replaceAll(target, '');
      expect(body).not.toMatch(/staff\.sign-in|wrong-password|[{}]|"reason"/);

      // The whole log, unfiltered, shows no action code or JSON either (axe runs on it in staff.spec.ts).
      await page.goto(`/${locale}/staff/audit`);
      const all = await page.locator('tbody').innerText();
      expect(all).not.toMatch(/\b(staff|candidates?)\.[a-z-]+\b|\{"/);
    });
  });

  test(`a candidate's page in ${locale} shows the phone, purposes and language as words`, async ({ page }) => {
    const [candidate] = await queryDb<{ id: string; phone: string }>(
      `SELECT c.id, c.phone FROM candidates c JOIN consents k ON k.candidate_id = c.id
        WHERE c.phone LIKE '+573%' AND c.locale = 'es' AND k.revoked_at IS NULL AND k.confirmed_at IS NOT NULL
          AND k.purposes @> ARRAY['training-offers', 'job-opportunities'] ORDER BY c.created_at LIMIT 1`,
    );
    await signIn(page, 'admin', locale);
    await page.goto(`/${locale}/staff/candidates/${candidate!.id}`);
    const national = candidate!.phone.replace(/^\+57(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3');
    await expect(page.getByText(national, { exact: true }).first()).toBeVisible();
    await expect(page.getByText(candidate!.phone)).toHaveCount(0);
    const details = page.locator('dl').first();
    await expect(details).toContainText(t.purposeWords);
    await expect(details).toContainText(t.language);
    expect(await page.locator('main').innerText()).not.toMatch(/training-offers|job-opportunities|share-with-partners/);
  });
}
