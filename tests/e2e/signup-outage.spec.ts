// The database goes away in the middle of sign-ups and comes back, while the same app process keeps running.
// This test runs its own PostgreSQL (so it can stop it) and its own `next start` (so it can read its output).
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type RunningPostgres } from '../../scripts/lib/embedded-postgres.ts';
import { migrate } from '../../scripts/lib/migrate.ts';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { expect, fillSignUp, goodAnswers, test, uniqueEmail, waitForEnhancedForm } from './talent-support';

const projectRoot = path.resolve(import.meta.dirname, '../..');
// This helper's spare ports (the e2e server and database use E2E_PORT / E2E_PG_PORT).
const pgPort = Number(process.env.OUTAGE_PG_PORT ?? 54424);
const appPort = Number(process.env.OUTAGE_APP_PORT ?? 3424);

async function query<R extends pg.QueryResultRow>(url: string, sql: string, params?: unknown[]): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

test('a database outage shows the localized error with the input intact (503 without JavaScript), and the same page succeeds once it is back', async ({
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  let database: RunningPostgres | undefined;
  let app: AppServer | undefined;
  try {
    database = await startEmbeddedPostgres({ dataDir: path.join(projectRoot, '.data/outage-postgres'), port: pgPort, fast: true });
    await query(database.url('postgres'), 'DROP DATABASE IF EXISTS bt_outage WITH (FORCE)');
    await query(database.url('postgres'), 'CREATE DATABASE bt_outage');
    const url = database.url('bt_outage');
    await migrate(url);
    app = await startAppServer({ port: appPort, env: { DATABASE_URL: url, DATABASE_CONNECT_TIMEOUT_MS: '3000' } });
    const appPid = app.process.pid;
    const headers = { 'X-Forwarded-For': '10.250.0.1' };

    const withJs = await browser.newContext({ baseURL: app.url, extraHTTPHeaders: headers, javaScriptEnabled: true });
    const withoutJs = await browser.newContext({ baseURL: app.url, extraHTTPHeaders: headers, javaScriptEnabled: false });
    const jsPage = await withJs.newPage();
    const plainPage = await withoutJs.newPage();

    // While the database is up, a sign-up goes through.
    const before = uniqueEmail('before-outage');
    await jsPage.goto('/es/talent');
    await waitForEnhancedForm(jsPage);
    await fillSignUp(jsPage, { ...goodAnswers, email: before });
    await jsPage.getByRole('button', { name: 'Inscribirme' }).click();
    await expect(jsPage.getByRole('heading', { level: 1 })).toHaveText('¡Gracias por inscribirte!');

    // Two people are filling in the form (one with JavaScript, in Spanish; one without, in English)...
    const jsEmail = uniqueEmail('during-outage-js');
    const plainEmail = uniqueEmail('during-outage-plain');
    await jsPage.goto('/es/talent');
    await waitForEnhancedForm(jsPage);
    await fillSignUp(jsPage, { ...goodAnswers, fullName: 'Camila Outage', email: jsEmail });
    await plainPage.goto('/en/talent');
    await fillSignUp(plainPage, { ...goodAnswers, fullName: 'Mateo Outage', email: plainEmail });

    // ...when the database stops.
    await database.stop();

    await jsPage.getByRole('button', { name: 'Inscribirme' }).click();
    const jsAlert = jsPage.getByRole('form').getByRole('alert');
    await expect(jsAlert).toHaveText('No pudimos guardar tu inscripción. Inténtalo de nuevo en unos minutos: lo que escribiste sigue aquí.');
    await expect(jsAlert).toBeFocused();
    await expect(jsPage.locator('#signup-fullName')).toHaveValue('Camila Outage');
    await expect(jsPage.locator('#signup-email')).toHaveValue(jsEmail);
    await expect(jsPage.locator('#signup-englishLevel-C1')).toBeChecked();
    await expect(jsPage.locator('#signup-consent')).toBeChecked();

    const [unavailable] = await Promise.all([
      plainPage.waitForResponse((r) => r.url().endsWith('/en/talent/submit')),
      plainPage.getByRole('button', { name: 'Sign up' }).click(),
    ]);
    expect(unavailable.status()).toBe(503);
    expect(unavailable.headers()['retry-after']).toBe('30');
    await expect(plainPage.getByRole('form').getByRole('alert')).toHaveText(
      'We could not save your registration. Please try again in a few minutes: what you typed is still here.',
    );
    await expect(plainPage.locator('#signup-fullName')).toHaveValue('Mateo Outage');
    await expect(plainPage.locator('#signup-email')).toHaveValue(plainEmail);
    await expect(plainPage.locator('#signup-municipality')).toHaveValue(goodAnswers.municipality);
    await expect(plainPage.locator('#signup-interests-software-development')).toBeChecked();
    await expect(plainPage.locator('#signup-consent')).toBeChecked();

    // The database comes back; the same pages, in the same app process, now succeed.
    await database.restart();
    await jsPage.getByRole('button', { name: 'Inscribirme' }).click();
    await expect(jsPage.getByRole('heading', { level: 1 })).toHaveText('¡Gracias por inscribirte!');
    const [accepted] = await Promise.all([
      plainPage.waitForResponse((r) => r.url().endsWith('/en/talent/submit')),
      plainPage.getByRole('button', { name: 'Sign up' }).click(),
    ]);
    expect(accepted.status()).toBe(303);
    await expect(plainPage.getByRole('heading', { level: 1 })).toHaveText('Thank you for signing up!');

    expect(app.process.pid).toBe(appPid);
    expect(app.process.exitCode).toBeNull();
    const stored = await query<{ email: string; full_name: string }>(url, 'SELECT email, full_name FROM candidates ORDER BY created_at');
    expect(stored.map((r) => r.email)).toEqual([before, jsEmail, plainEmail]);
    expect(await query(url, 'SELECT count(*)::int AS n FROM consents')).toEqual([{ n: 3 }]);

    // The outage was logged, and no personal data with it.
    const output = app.output();
    await testInfo.attach('server output', { body: output, contentType: 'text/plain' });
    expect(output).toContain('signup.db_unavailable');
    for (const personal of [before, jsEmail, plainEmail, 'Camila Outage', 'Mateo Outage', '315 555 0101', '+573155550101']) {
      expect(output).not.toContain(personal);
    }
    await withJs.close();
    await withoutJs.close();
  } finally {
    await app?.stop();
    await database?.stop().catch(() => {});
  }
});
