// Every page type runs its scripts under its Content-Security-Policy with no violation (prerendered pages by
// script hashes, the form and staff pages by a nonce), and scores A+ on MDN HTTP Observatory's rules.
import { createHash } from 'node:crypto';
import type { APIResponse, Page } from '@playwright/test';
import { compileHint } from '../../scripts/lib/compile-hints';
import { observatoryGrade, type Grade } from '../support/observatory';
import { e2eState, queryDb } from './support';
import { expect, fillSignUp, goodAnswers, test, uniqueEmail, waitForEnhancedForm } from './talent-support';

/** Violations on `page` from now on: the DOM event and Chromium's console errors, which also name inline scripts. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/content security policy|csp-violation/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`csp-violation ${event.effectiveDirective} ${event.blockedURI}`),
    ),
  );
  return violations;
}

/** Opens `path` and waits until Next's own scripts have run (window.next is set once the app has hydrated). */
async function openAndHydrate(page: Page, path: string, status = 200) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  await page.waitForFunction(() => (window as { next?: { appDir?: boolean } }).next?.appDir === true);
}

async function signIn(page: Page, locale: string) {
  const { email, password } = e2eState().staff.admin;
  await openAndHydrate(page, `/${locale}/staff/login`);
  await page.getByLabel(locale === 'es' ? 'Correo electrónico' : 'Email').fill(email);
  await page.getByLabel(locale === 'es' ? 'Contraseña' : 'Password').fill(password);
  await page.getByRole('button', { name: locale === 'es' ? 'Ingresar' : 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/staff$`));
}

test('prerendered pages and the form run their scripts without a CSP violation', async ({ page }) => {
  const violations = await watchCsp(page);
  // Every page type in Spanish; English pages are built the same way, so one of each kind of CSP there.
  for (const path of ['', '/programs', '/programs/hello-valle', '/join', '/join/sent', '/privacy', '/talent-pool', '/talent?program=hello-valle']) {
    await openAndHydrate(page, `/es${path}`);
  }
  await openAndHydrate(page, '/es/no-such-page', 404);
  await openAndHydrate(page, '/en/programs/hello-valle');
  // Next's root 404, for a file that does not exist.
  await openAndHydrate(page, '/no-such-file.png', 404);

  // The language switcher on the form (a page with a nonce) leads to the form in English, which hydrates too.
  await openAndHydrate(page, '/es/talent');
  await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link').click();
  await expect(page).toHaveURL(/\/en\/talent$/);
  await waitForEnhancedForm(page);
  expect(violations).toEqual([]);
});

test('the form, sent back by the no-JavaScript route under a new nonce, hydrates again and submits', async ({ page }) => {
  const violations = await watchCsp(page);
  await openAndHydrate(page, '/en/talent');
  await waitForEnhancedForm(page);
  // A native post (as before hydration) comes back from talent/submit with the review page and its own nonce,
  // under which the form hydrates again; then it goes through the server action.
  await fillSignUp(page, { ...goodAnswers, fullName: 'A', email: uniqueEmail('csp') });
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/en/talent/submit')),
    page.locator('form[aria-label]').evaluate((form: HTMLFormElement) => form.submit()),
  ]);
  expect(response.status()).toBe(422);
  const nonce = /'nonce-([^']+)'/.exec((await response.allHeaders())['content-security-policy'] ?? '')?.[1];
  expect(nonce).toBeTruthy();
  expect(await response.text()).toContain(`nonce="${nonce}"`);
  await waitForEnhancedForm(page);
  await fillSignUp(page, { fullName: 'Ana María' });
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(/\/en\/talent\/thanks$/);
  expect(violations).toEqual([]);
});

test('staff pages run their scripts without a CSP violation', async ({ page }) => {
  const violations = await watchCsp(page);
  await signIn(page, 'es');
  const [member] = await queryDb<{ id: string }>(`SELECT id FROM staff_users WHERE email = $1`, [e2eState().staff.staff.email]);
  for (const path of ['/es/staff/candidates', '/es/staff/audit', '/es/staff/users', '/en/staff', '/es/staff/account', `/en/staff/users/${member!.id}`]) {
    await openAndHydrate(page, path);
  }
  expect(violations).toEqual([]);
});

test('every script of a page starts with the compile hint and matches the integrity its tag names', async ({ request }) => {
  // Prerendered pages allow their scripts by integrity, so every tag has one; the form's also carry a nonce, and
  // Next leaves integrity off some of them.
  for (const path of ['/es', '/en/talent']) {
    const html = await (await request.get(path)).text();
    const tags = [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"[^>]*>/g)].map(([tag, src]) => ({ src: src!, integrity: /integrity="([^"]+)"/.exec(tag)?.[1] }));
    expect(tags.length, path).toBeGreaterThan(3);
    for (const { src, integrity } of tags) {
      const body = await (await request.get(src)).body();
      expect(body.subarray(0, compileHint.length).toString(), src).toBe(compileHint);
      if (integrity || path === '/es') expect(integrity, src).toBe(`sha256-${createHash('sha256').update(body).digest('base64')}`);
    }
  }
});

test('a staff page opened from another window loses its opener; a public page keeps it', async ({ page }) => {
  // Cross-Origin-Opener-Policy: same-origin on staff pages only (next.config.ts says why not on public ones).
  await page.goto('/es');
  const openerOf = async (path: string) => {
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate((p) => void window.open(p), path)]);
    await popup.waitForLoadState('load');
    const hasOpener = await popup.evaluate(() => window.opener !== null);
    await popup.close();
    return hasOpener;
  };
  expect(await openerOf('/es/staff/login')).toBe(false);
  expect(await openerOf('/en/programs/hello-valle')).toBe(true);
  expect(await openerOf('/es/talent')).toBe(true);
});

test('every page type scores A+ on MDN HTTP Observatory, served over https', async ({ page, playwright, baseURL }) => {
  test.setTimeout(150_000); // the first run installs the grader (tools/observatory), about 30 s
  // A fresh request context: no cookies but the session, and the TLS proxy's x-forwarded-proto header.
  const https = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-proto': 'https' } });
  const grade = async (response: APIResponse): Promise<Grade> =>
    observatoryGrade({
      url: response.url().replace(/^http:\/\/[^/]+/, 'https://talent.example'),
      status: response.status(),
      headers: response.headersArray(),
      body: await response.text(),
    });
  const get = (path: string, headers: Record<string, string> = {}) => https.get(path, { headers, maxRedirects: 0 });

  const home = await get('/es');
  const asset = /src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(await home.text())?.[1];
  expect(asset).toBeTruthy();
  const types: Record<string, APIResponse> = {
    home,
    'program page': await get('/en/programs/hello-valle'),
    form: await get('/es/talent'),
    'form, ?program=': await get('/en/talent?program=hello-valle'),
    'organization request sent': await get('/es/join/sent'),
    'staff sign-in': await get('/es/staff/login'),
    'API route': await get('/api/staff/candidates/export?format=csv&locale=es'),
    'static asset': await get(asset!),
    '404': await get('/es/no-such-page'),
  };
  await signIn(page, 'es');
  const session = (await page.context().cookies()).find((c) => c.name.includes('bt_session'));
  expect(session).toBeTruthy();
  types['staff page'] = await get('/es/staff', { cookie: `${session!.name}=${session!.value}` });
  expect(types['staff page'].status()).toBe(200);
  types['staff account page (QR code, forms)'] = await get('/en/staff/account', { cookie: `${session!.name}=${session!.value}` });
  expect(types['staff account page (QR code, forms)'].status()).toBe(200);

  const grades: Record<string, Grade> = {};
  for (const [type, response] of Object.entries(types)) grades[type] = await grade(response);
  console.log(Object.entries(grades).map(([type, g]) => `${type}: ${g.grade} (${g.score})`).join('\n'));
  for (const [type, g] of Object.entries(grades)) expect({ type, ...g }).toEqual({ type, grade: 'A+', score: g.score, penalties: [] });
  await https.dispose();
});
