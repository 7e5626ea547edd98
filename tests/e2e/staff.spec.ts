import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { e2eState, exportRecipient, queryDb } from './support';

const domain = 'staff-e2e.test';
const someId = '0b7c8e1e-3f0a-4f2b-9b1d-2a3c4d5e6f70';
const staffPaths = ['/staff', '/staff/candidates', `/staff/candidates/${someId}`, '/staff/audit', '/staff/users', '/staff/partners', `/staff/partners/${someId}`];

async function signIn(page: Page, who: 'admin' | 'staff', locale = 'es') {
  const { email, password } = e2eState().staff[who];
  await page.goto(`/${locale}/staff/login`);
  await page.getByLabel(locale === 'es' ? 'Correo electrónico' : 'Email').fill(email);
  await page.getByLabel(locale === 'es' ? 'Contraseña' : 'Password').fill(password);
  await page.getByRole('button', { name: locale === 'es' ? 'Ingresar' : 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/staff$`));
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Candidates the export must hold for these filters: seeded ones, consent in force, newest first. */
async function expectedExport(level: string) {
  return queryDb<{ id: string; full_name: string; email: string; phone: string; birth_year: number }>(
    `SELECT c.id, c.full_name, c.email, c.phone, c.birth_year
       FROM candidates c
       JOIN LATERAL (SELECT revoked_at FROM consents k WHERE k.candidate_id = c.id ORDER BY given_at DESC, id DESC LIMIT 1) lc ON TRUE
      WHERE c.email LIKE $1 AND c.english_level = $2 AND lc.revoked_at IS NULL
      ORDER BY c.created_at DESC, c.id DESC`,
    [`%@${domain}`, level],
  );
}

test.describe('staff pages without a session', () => {
  for (const locale of ['es', 'en']) {
    for (const path of staffPaths) {
      test(`/${locale}${path} redirects to sign-in, with or without a made-up cookie`, async ({ request }) => {
        const bare = await request.get(`/${locale}${path}`, { maxRedirects: 0 });
        expect(bare.status()).toBe(303);
        expect(bare.headers().location).toMatch(new RegExp(`/${locale}/staff/login\\?next=${encodeURIComponent(`/${locale}${path}`)}$`));
        expect(bare.headers()['cache-control']).toContain('no-store');
        // A cookie that is present but not a live session gets past the proxy: the page itself refuses.
        const forged = await request.get(`/${locale}${path}`, {
          maxRedirects: 0,
          headers: { cookie: `__Host-bt_session=${'A'.repeat(43)}` },
        });
        expect([303, 307]).toContain(forged.status());
        expect(forged.headers().location).toContain(`/${locale}/staff/login`);
        expect(await forged.text()).not.toContain(domain);
      });
    }
  }

  test('the export API answers 401 with JSON', async ({ request }) => {
    for (const headers of [{}, { cookie: `__Host-bt_session=${'A'.repeat(43)}` }] as Record<string, string>[]) {
      const response = await request.get('/api/staff/candidates/export?format=csv', { headers });
      expect(response.status()).toBe(401);
      expect(response.headers()['content-type']).toContain('application/json');
      expect(response.headers()['cache-control']).toContain('no-store');
      expect(await response.json()).toMatchObject({ error: 'unauthorized' });
    }
  });

  test('the sign-in page never says whether an email exists, and keeps what was typed', async ({ page }) => {
    await page.goto('/en/staff/login');
    await page.getByLabel('Email').fill('nobody@e2e.example');
    await page.getByLabel('Password').fill('a wrong password for sure');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.locator('form [role="alert"]');
    await expect(alert).toContainText('The email or password is not correct.');
    await expect(page.getByLabel('Email')).toHaveValue('nobody@e2e.example');
    await expect(page.getByLabel('Password')).toHaveValue('');
  });
});

test.describe('signed in as admin', () => {
  test('sign in, filter, open a candidate, download CSV and XLSX that match the database', async ({ page, context }) => {
    await signIn(page, 'admin');
    const [cookie] = (await context.cookies()).filter((c) => c.name === '__Host-bt_session');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    expect(cookie!.value).toMatch(/^[A-Za-z0-9_-]{43}$/);

    await page.getByRole('link', { name: 'Candidatos' }).first().click();
    await page.getByLabel('Nombre o correo').fill(`@${domain}`);
    await page.getByLabel('B2 — Intermedio alto').check();
    await page.getByRole('button', { name: 'Aplicar filtros' }).click();
    await expect(page).toHaveURL(/englishLevel=B2/);

    const all = await queryDb<{ n: number }>(
      `SELECT count(*)::int AS n FROM candidates WHERE email LIKE $1 AND english_level = 'B2'`,
      [`%@${domain}`],
    );
    await expect(page.getByText(`${all[0]!.n} candidatos coinciden`)).toBeVisible();
    const rows = page.locator('tbody tr');
    await expect(rows).toHaveCount(Math.min(25, all[0]!.n));

    // Open the newest one and see its details, history and consent evidence.
    const expected = await expectedExport('B2');
    const newest = await queryDb<{ id: string; full_name: string; email: string }>(
      `SELECT id, full_name, email FROM candidates WHERE email LIKE $1 AND english_level = 'B2' ORDER BY created_at DESC, id DESC LIMIT 1`,
      [`%@${domain}`],
    );
    await rows.first().getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/es/staff/candidates/${newest[0]!.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest[0]!.full_name);
    await expect(page.getByText(newest[0]!.email).first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Registros de consentimiento' })).toBeVisible();
    await page.goBack();

    // Every export names the partner organization it is for and its purpose.
    const partnerId = new URLSearchParams(await exportRecipient()).get('organization')!;
    await page.reload();
    await page.getByLabel('Organización a la que va', { exact: true }).selectOption(partnerId);
    await page.getByLabel('Finalidad', { exact: true }).fill('Selección de agentes bilingües');

    // CSV
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar CSV' }).click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^candidatos-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
    const csvBytes = await readFile((await csvDownload.path())!);
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv: string[][] = parse(csvBytes, { bom: true });
    expect(csv[0]![1]).toBe('Nombre completo');
    // Phones as a person and a spreadsheet both read them, with no stray quote: (+57) 310 987 6543.
    const exportedPhone = (e164: string) => e164.replace(/^\+57(\d{3})(\d{3})(\d{4})$/, '(+57) $1 $2 $3');
    const fromDb = expected.map((r) => [r.id, r.full_name, r.email, exportedPhone(r.phone)]);
    expect(fromDb.every((r) => r[3]!.startsWith('(+57) '))).toBe(true);
    const unneutralize = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);
    expect(csv.slice(1).map((r) => [r[0], unneutralize(r[1]!), r[2], r[3]])).toEqual(fromDb);
    for (const cell of csv.slice(1).flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    // XLSX
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Descargar Excel (XLSX)' }).click()]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/^candidatos-\d{4}-\d{2}-\d{2}-\d{4}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsxDownload.path())!);
    const sheet = workbook.getWorksheet('Candidatos')!;
    const sheetRows: [string, string, string, string, number][] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const v = (i: number) => row.getCell(i).value;
      sheetRows.push([String(v(1)), String(v(2)), String(v(3)), String(v(4)), v(7) as number]);
    });
    // Text cells hold exactly what was typed: no quote in a workbook, where a text cell never runs.
    expect(sheetRows).toEqual(expected.map((r) => [r.id, r.full_name, r.email, exportedPhone(r.phone), r.birth_year]));

    // Both exports are in the audit log, with the filters.
    const events = await queryDb<{ details: { format: string; rows: number; filters: { englishLevel: string[] } } }>(
      `SELECT e.details FROM audit_events e JOIN staff_users u ON u.id = e.actor_id
        WHERE e.action = 'candidates.export' AND u.email = $1 ORDER BY e.id DESC LIMIT 2`,
      [e2eState().staff.admin.email],
    );
    expect(events.map((e) => [e.details.format, e.details.rows, e.details.filters.englishLevel])).toEqual([
      ['xlsx', expected.length, ['B2']],
      ['csv', expected.length, ['B2']],
    ]);
  });

  test('a bad filter value is ignored with a notice, not an error page', async ({ page }) => {
    await signIn(page, 'admin', 'en');
    const response = await page.goto(`/en/staff/candidates?englishLevel=Z9&from=yesterday&municipality=76001`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['cache-control']).toContain('no-store');
    await expect(page.getByRole('status')).toContainText('English level, Signed up from');
    await expect(page.getByLabel('Municipality')).toHaveValue('76001');
  });

  test('admins create an account; disabling it ends that person’s session at once', async ({ page, browser }) => {
    await signIn(page, 'admin', 'en');
    await page.goto('/en/staff/users');
    const email = `new${Date.now()}@e2e.example`;
    await page.getByLabel('Name').fill('Nueva Persona');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Create account' }).click();
    const password = (await page.getByTestId('generated-password').textContent())!;
    expect(password).toMatch(/^[A-Za-z0-9-]{23}$/);

    const other = await browser.newContext();
    const theirs = await other.newPage();
    await theirs.goto('/en/staff/login');
    await theirs.getByLabel('Email').fill(email);
    await theirs.getByLabel('Password').fill(password);
    await theirs.getByRole('button', { name: 'Sign in' }).click();
    // The admin chose that password: the person replaces it before going on.
    await expect(theirs.getByRole('heading', { level: 1 })).toHaveText('Choose your own password');
    await theirs.getByLabel('New password', { exact: true }).fill('mi clave propia de verdad');
    await theirs.getByLabel('New password, again').fill('mi clave propia de verdad');
    await theirs.getByRole('button', { name: 'Save password' }).click();
    await expect(theirs).toHaveURL(/\/en\/staff$/);
    // The staff role has no account or audit pages.
    await theirs.goto('/en/staff/users');
    await expect(theirs.getByRole('heading', { level: 1 })).toHaveText('You do not have access to this page');

    await page.reload();
    await page.getByRole('button', { name: 'Disable Nueva Persona' }).click();
    await expect(page.getByRole('status')).toContainText('The account was disabled and its sessions ended.');
    await theirs.goto('/en/staff/candidates');
    await expect(theirs).toHaveURL(/\/en\/staff\/login\?next=/);
    await other.close();
  });

  test('signing out revokes the session on the server', async ({ page, context, request }) => {
    await signIn(page, 'admin', 'en');
    const token = (await context.cookies()).find((c) => c.name === '__Host-bt_session')!.value;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('status')).toHaveText('You have signed out.');
    expect((await context.cookies()).filter((c) => c.name === '__Host-bt_session')).toEqual([]);
    // The old cookie value, replayed, is worth nothing.
    const replay = await request.get('/en/staff', { maxRedirects: 0, headers: { cookie: `__Host-bt_session=${token}` } });
    expect([303, 307]).toContain(replay.status());
    const api = await request.get('/api/staff/candidates/export?format=csv', { headers: { cookie: `__Host-bt_session=${token}` } });
    expect(api.status()).toBe(401);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('sign-in works as a plain form', async ({ page }) => {
    await signIn(page, 'staff');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Resumen');
  });
});

test.describe('accessibility of the staff pages', () => {
  test('axe finds nothing on the sign-in page, in both languages, with and without an error', async ({ page }) => {
    for (const locale of ['es', 'en']) {
      await page.goto(`/${locale}/staff/login`);
      await expectNoAxeViolations(page);
    }
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter a valid email address')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  const signedInPages = [
    '/es/staff',
    `/es/staff/candidates?q=${domain}&englishLevel=B1`,
    'candidate',
    '/es/staff/users',
    '/es/staff/audit',
    '/en/staff',
    '/en/staff/candidates',
    '/es/staff/retention',
    '/en/staff/retention',
  ];
  for (const path of signedInPages) {
    test(`axe finds nothing on ${path === 'candidate' ? 'a candidate page' : path}`, async ({ page }) => {
      test.setTimeout(120_000);
      await signIn(page, 'admin');
      let target = path;
      if (path === 'candidate') {
        const [candidate] = await queryDb<{ id: string }>(`SELECT id FROM candidates WHERE email LIKE $1 ORDER BY created_at LIMIT 1`, [`%@${domain}`]);
        target = `/es/staff/candidates/${candidate!.id}`;
      }
      if (path.endsWith('/retention')) {
        // A logged run, so the table is checked too (the job itself runs daily; tests/integration/retention…).
        await queryDb(
          `INSERT INTO retention_runs (finished_at, counts, settings) VALUES (now(), '{"revokedCandidates": 0, "earlierSubmissions": 2, "signInAttempts": 5, "staffSessions": 1, "candidateLinks": 3, "rateLimits": 4}', '{}')`,
        );
      }
      await page.goto(target);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});
