// Staff accounts under attack and in daily use, in Chromium: the second factor set up and used (on an instance of
// its own with the default STAFF_MFA=admins and no trusted proxy, without JavaScript), changing one's own password,
// a cross-site navigation that must not act in a staff member's name, a NUL in the search, and client addresses a
// client cannot choose.
import { networkInterfaces } from 'node:os';
import AxeBuilder from '@axe-core/playwright';
import { hash } from '@node-rs/argon2';
import { expect, test, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { signUpFormData } from '../support/sign-up-form.ts';
import { e2eState, exportRecipient, queryDb } from './support';

const securityPort = Number(process.env.SECURITY_APP_PORT ?? 3460);

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

function totpCode(secret: string, offsetSteps = 0, at = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at + offsetSteps * 30_000 });
}

/** An account as an admin would have made it: a password they chose, to be changed at the first sign-in. */
async function insertAccount(role: 'admin' | 'staff', email: string, password: string) {
  const passwordHash = await hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  await queryDb(
    `INSERT INTO staff_users (email, name, role, password_hash, password_change_required) VALUES ($1, $2, $3::staff_role, $4, true)`,
    [email, role === 'admin' ? 'Adriana Admin' : 'Pablo Personal', role, passwordHash],
  );
}

async function signIn(page: Page, base: string, locale: 'es' | 'en', email: string, password: string) {
  await page.goto(`${base}/${locale}/staff/login`);
  await page.getByLabel(locale === 'es' ? 'Correo electrónico' : 'Email').fill(email);
  await page.getByLabel(locale === 'es' ? 'Contraseña' : 'Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: locale === 'es' ? 'Ingresar' : 'Sign in' }).click();
}

test.describe('the second factor, on an instance with the default policy (admins) and no JavaScript', () => {
  test.describe.configure({ mode: 'serial' });
  test.use({ javaScriptEnabled: false });
  let app: AppServer;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const state = e2eState() as ReturnType<typeof e2eState> & { env: Record<string, string> };
    // The e2e database, as the least-privileged role; the default STAFF_MFA (an empty value is unset); no proxy
    // in front, so no client may say where it comes from.
    app = await startAppServer({ port: securityPort, env: { ...state.env, STAFF_MFA: '', TRUSTED_PROXIES: '' } });
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test('an admin sets up TOTP at the first sign-in, signs out, signs in again with a code; a recovery code works once', async ({ page }) => {
    test.setTimeout(120_000);
    const email = `mfa-admin-${Date.now()}@e2e.example`;
    await insertAccount('admin', email, 'una clave que eligió otra persona');

    await signIn(page, app.url, 'es', email, 'una clave que eligió otra persona');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Elija su propia contraseña');
    await page.getByLabel('Nueva contraseña', { exact: true }).fill('mi clave de administradora');
    await page.getByLabel('Nueva contraseña, otra vez').fill('mi clave de administradora');
    await page.getByRole('button', { name: 'Guardar contraseña' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Configure la verificación en dos pasos');
    await expect(page.getByRole('img', { name: 'Código QR para agregar esta cuenta a una aplicación de autenticación' })).toBeVisible();
    // Without the second factor the session opens nothing: staff pages send it back here.
    await page.goto(`${app.url}/es/staff/candidates`);
    await expect(page).toHaveURL(/\/es\/staff\/login/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Configure la verificación en dos pasos');

    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    // The setup's time step: the codes below are of that step and the next, whenever the test gets there.
    const setupAt = Date.now();
    await page.getByLabel('Código', { exact: true }).fill(totpCode(secret, 0, setupAt));
    await page.getByRole('button', { name: 'Activar' }).click();
    await expect(page.getByRole('heading', { name: 'Sus códigos de recuperación' })).toBeVisible();
    const codes = (await page.getByTestId('recovery-codes').locator('li').allTextContents()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    // On to where the sign-in was headed: the page that sent it back here.
    await page.getByRole('button', { name: 'Ya los guardé: continuar' }).click();
    await expect(page).toHaveURL(/\/es\/staff\/candidates$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Candidatos');

    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await signIn(page, app.url, 'es', email, 'mi clave de administradora');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verificación en dos pasos');
    await page.goto(`${app.url}/es/staff`);
    await expect(page).toHaveURL(/\/es\/staff\/login/);
    // The code the setup used is spent; the next time step's is good (within the allowed drift).
    await page.getByLabel('Código', { exact: true }).fill(totpCode(secret, 0, setupAt));
    await page.getByRole('button', { name: 'Verificar' }).click();
    await expect(page.getByRole('alert')).toContainText('Ese código no es válido');
    await page.getByLabel('Código', { exact: true }).fill(totpCode(secret, 1, setupAt));
    await page.getByRole('button', { name: 'Verificar' }).click();
    await expect(page).toHaveURL(/\/es\/staff$/);

    // A recovery code: once.
    for (const expected of ['in', 'refused'] as const) {
      await page.getByRole('button', { name: 'Cerrar sesión' }).or(page.getByRole('button', { name: 'Cancelar y salir' })).click();
      await signIn(page, app.url, 'es', email, 'mi clave de administradora');
      await page.getByLabel('Código', { exact: true }).fill(codes[0]!);
      await page.getByRole('button', { name: 'Verificar' }).click();
      if (expected === 'in') await expect(page).toHaveURL(/\/es\/staff$/);
      else await expect(page.getByRole('alert')).toContainText('Ese código no es válido');
    }
    const methods = await queryDb<{ method: string }>(
      `SELECT details->>'method' AS method FROM audit_events WHERE action = 'staff.second-factor' AND actor_email = $1 ORDER BY id`,
      [email],
    );
    expect(methods.map((m) => m.method)).toEqual(['totp', 'recovery-code']);
  });

  test.describe('with JavaScript', () => {
    test.use({ javaScriptEnabled: true });
    test('axe finds nothing on the steps of signing in, in English', async ({ page }) => {
      test.setTimeout(120_000);
      const email = `mfa-axe-${Date.now()}@e2e.example`;
      await insertAccount('admin', email, 'a password someone else chose');
      await signIn(page, app.url, 'en', email, 'a password someone else chose');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose your own password');
      await expectNoAxeViolations(page);
      await page.getByLabel('New password', { exact: true }).fill('short');
      await page.getByRole('button', { name: 'Save password' }).click();
      await expect(page.getByText('at least 12', { exact: false }).first()).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByLabel('New password', { exact: true }).fill('my very own admin words');
      await page.getByLabel('New password, again').fill('my very own admin words');
      await page.getByRole('button', { name: 'Save password' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up two-step verification');
      await expectNoAxeViolations(page);
      const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
      await page.getByLabel('Code', { exact: true }).fill(totpCode(secret));
      await page.getByRole('button', { name: 'Turn on' }).click();
      await expect(page.getByTestId('recovery-codes')).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'I have kept them: continue' }).click();
      await expect(page).toHaveURL(/\/en\/staff$/);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn(page, app.url, 'en', email, 'my very own admin words');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Two-step verification');
      await expectNoAxeViolations(page);
    });
  });

  test('the address the app records is the socket’s: a forged X-Forwarded-For and X-Request-Id are ignored', async () => {
    const email = `forged-${Date.now()}@e2e.example`;
    const response = await fetch(`${app.url}/es/talent/submit`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': '203.0.113.77', 'X-Request-Id': 'forged-request-id-123' },
      body: new URLSearchParams([...signUpFormData({ email })] as [string, string][]),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('x-request-id')).not.toBe('forged-request-id-123');
    const [row] = await queryDb<{ ip_address: string }>(
      `SELECT k.ip_address FROM consents k JOIN candidates c ON c.id = k.candidate_id WHERE c.email = $1`,
      [email],
    );
    expect(row).toEqual({ ip_address: '127.0.0.1' });
  });

  test('next start listens on loopback only', async () => {
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    test.skip(!external, 'this machine has no other address');
    await expect(fetch(`http://${external}:${securityPort}/es`)).rejects.toThrow();
    expect((await fetch(`${app.url}/es`)).status).toBe(200);
  });
});

test.describe('on the main e2e server', () => {
  async function signInAsSeeded(page: Page, who: 'admin' | 'staff', locale: 'es' | 'en' = 'es') {
    const { email, password } = e2eState().staff[who];
    await signIn(page, '', locale, email, password);
    await expect(page).toHaveURL(new RegExp(`/${locale}/staff$`));
  }

  test('changing one’s own password ends one’s other sessions; the new password signs in', async ({ page, browser }) => {
    test.setTimeout(120_000);
    const email = `pablo-${Date.now()}@e2e.example`;
    await insertAccount('staff', email, 'clave temporal del equipo');
    // Signed in twice: here (changing the chosen password first), and in another browser.
    await signIn(page, '', 'en', email, 'clave temporal del equipo');
    await page.getByLabel('New password', { exact: true }).fill('first password of my own');
    await page.getByLabel('New password, again').fill('first password of my own');
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect(page).toHaveURL(/\/en\/staff$/);
    const other = await browser.newContext();
    const elsewhere = await other.newPage();
    await signIn(elsewhere, '', 'en', email, 'first password of my own');
    await expect(elsewhere).toHaveURL(/\/en\/staff$/);

    await page.getByRole('link', { name: 'My account' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account');
    await expectNoAxeViolations(page);
    await page.getByLabel('Current password').fill('not the password');
    await page.getByLabel('New password', { exact: true }).fill('second password of my own');
    await page.getByLabel('New password, again').fill('second password of my own');
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect(page.getByText('Your current password is not correct.')).toBeVisible();
    await page.getByLabel('Current password').fill('first password of my own');
    await page.getByLabel('New password', { exact: true }).fill('second password of my own');
    await page.getByLabel('New password, again').fill('second password of my own');
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect(page.getByRole('status')).toHaveText('Your password was changed. 1 other session was ended.');

    // The other browser's session is over; this one goes on; the new password signs in.
    await elsewhere.goto('/en/staff/candidates');
    await expect(elsewhere).toHaveURL(/\/en\/staff\/login/);
    await page.goto('/en/staff/candidates');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Candidates');
    await signIn(elsewhere, '', 'en', email, 'second password of my own');
    await expect(elsewhere).toHaveURL(/\/en\/staff$/);
    await other.close();
  });

  test('an admin sees a member’s sessions and ends them', async ({ page, browser }) => {
    test.setTimeout(120_000);
    const email = `sesiones-${Date.now()}@e2e.example`;
    await insertAccount('staff', email, 'clave temporal de sesiones');
    const [{ id }] = (await queryDb<{ id: string }>(`SELECT id FROM staff_users WHERE email = $1`, [email])) as [{ id: string }];
    const member = await (await browser.newContext()).newPage();
    await signIn(member, '', 'es', email, 'clave temporal de sesiones');
    await member.getByLabel('Nueva contraseña', { exact: true }).fill('clave propia de sesiones');
    await member.getByLabel('Nueva contraseña, otra vez').fill('clave propia de sesiones');
    await member.getByRole('button', { name: 'Guardar contraseña' }).click();
    await expect(member).toHaveURL(/\/es\/staff$/);

    await signInAsSeeded(page, 'admin');
    await page.goto(`/es/staff/users/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pablo Personal: sesiones y seguridad');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Terminar todas las sesiones' }).click();
    await expect(page.getByRole('status')).toHaveText('Se terminó 1 sesión.');
    await member.goto('/es/staff/candidates');
    await expect(member).toHaveURL(/\/es\/staff\/login/);
    await member.context().close();
  });

  test('a cross-site navigation to a staff page lands on the staff home and writes no audit event', async ({ page }) => {
    await signInAsSeeded(page, 'staff');
    // The audit keeps a search's filters but never its text: the probe is a sign-up date no other test asks for.
    const probe = '1991-02-03';
    const target = `${e2eState().baseUrl}/es/staff/candidates?q=cross-site-probe&from=${probe}`;
    await page.route('http://elsewhere.example/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>elsewhere</title><a href="${target}">see</a>` }),
    );
    await page.goto('http://elsewhere.example/');
    await page.getByRole('link', { name: 'see' }).click();
    await expect(page).toHaveURL(/\/es\/staff$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Resumen');
    const searches = (from: string) =>
      queryDb<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'candidates.list' AND details->'filters'->>'from' = $1`, [from]);
    expect(await searches(probe)).toEqual([{ n: 0 }]);
    // The same link followed from the staff pages themselves is a search, and is audited: the probe can see one.
    await page.goto(target.replace(probe, '1991-02-04'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Candidatos');
    expect(await searches('1991-02-04')).toEqual([{ n: 1 }]);
  });

  test('a NUL in the search gives a normal page, and a normal export', async ({ page }) => {
    await signInAsSeeded(page, 'admin', 'en');
    const response = await page.goto('/en/staff/candidates?q=%00');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Candidates');
    const withText = await page.goto('/en/staff/candidates?q=staff-e2e%00.test');
    expect(withText?.status()).toBe(200);
    const exported = await page.request.get(`/api/staff/candidates/export?format=csv&q=%00ana&${await exportRecipient()}`);
    expect(exported.status()).toBe(200);
  });
});
