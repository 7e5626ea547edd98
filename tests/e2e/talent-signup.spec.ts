import type { Page } from '@playwright/test';
import { currentYearInColombia } from '../../lib/candidates/schema';
import en from '../../messages/en.json' with { type: 'json' };
import es from '../../messages/es.json' with { type: 'json' };
import { queryDb } from './support';
import {
  expect,
  expectNoAxeViolations,
  expectNoAxeViolationsAsServed,
  expectNoFieldErrors,
  fillSignUp,
  goodAnswers,
  test,
  uniqueEmail,
  waitForEnhancedForm,
} from './talent-support';

const copy = {
  es: {
    thanks: '¡Gracias por inscribirte!',
    nameTooShort: 'Escribe tu nombre completo: al menos 2 letras.',
    emailInvalid: 'Escribe un correo electrónico válido, como nombre@ejemplo.com.',
    underage: es.TalentForm.errors.birthYear.underage,
    consent: 'Para inscribirte debes autorizar el tratamiento de tus datos.',
    interests: 'Elige al menos un sector.',
    rateLimited: 'Muchas personas se inscribieron desde tu conexión en los últimos minutos.',
    unavailable: 'No pudimos guardar tu inscripción. Inténtalo de nuevo en unos minutos: lo que escribiste sigue aquí.',
    submit: 'Inscribirme',
    programChosen: 'Llegaste desde Hello Valle!: ya está marcado en la lista de programas.',
  },
  en: {
    thanks: 'Thank you for signing up!',
    nameTooShort: 'Enter your full name: at least 2 letters.',
    emailInvalid: 'Enter a valid email address, such as name@example.com.',
    underage: en.TalentForm.errors.birthYear.underage,
    consent: 'To sign up you must accept the processing of your data.',
    interests: 'Choose at least one sector.',
    rateLimited: 'Many people have signed up from your connection in the last few minutes.',
    unavailable: 'We could not save your registration. Please try again in a few minutes: what you typed is still here.',
    submit: 'Sign up',
    programChosen: 'You came from Hello Valle!: it is already ticked in the list of programs.',
  },
} as const;

const emptyValues = { fullName: '', email: '', phone: '', municipality: '', birthYear: '', englishLevel: '', interests: [], programs: [], adult: false, consent: false };

// Born 17 years before this year (in Colombia): under 18 whatever the birthday.
const underageYear = String(currentYearInColombia() - 17);

async function candidateByEmail(email: string) {
  return queryDb<{ id: string; full_name: string; locale: string; municipality: string; english_level: string; programs: string[] }>(
    `SELECT id, full_name, locale, municipality, english_level, programs FROM candidates WHERE email = $1`,
    [email],
  );
}

for (const locale of ['es', 'en'] as const) {
  const text = copy[locale];

  test.describe(`sign-up in ${locale}, with JavaScript`, () => {
    test('a filled-in form is stored with its consent and the confirmation is shown', async ({ page }) => {
      const email = uniqueEmail(`js-${locale}`);
      await page.goto(`/${locale}/talent`);
      await waitForEnhancedForm(page);
      await expect(page.locator('#signup-consent')).not.toBeChecked();
      await expect(page.locator('#signup-adult')).not.toBeChecked();
      await fillSignUp(page, { ...goodAnswers, email: email.toUpperCase() });
      const [post] = await Promise.all([
        page.waitForRequest((r) => r.method() === 'POST'),
        page.getByRole('button', { name: text.submit }).click(),
      ]);
      // Sent by the server action, not by the plain form.
      expect(post.headers()['next-action']).toBeTruthy();

      await expect(page).toHaveURL(new RegExp(`/${locale}/talent/thanks$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.thanks);
      const rows = await candidateByEmail(email);
      expect(rows).toEqual([
        expect.objectContaining({ full_name: 'Valentina Ríos', locale, municipality: '76520', english_level: 'C1' }),
      ]);
      const consents = await queryDb(`SELECT locale, policy_version, ip_address FROM consents WHERE candidate_id = $1`, [rows[0]!.id]);
      expect(consents).toEqual([expect.objectContaining({ locale, policy_version: '2.0' })]);

      // Reloading the confirmation does not send anything again.
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.thanks);
      expect(await queryDb(`SELECT id FROM submissions WHERE email = $1`, [email])).toHaveLength(1);
    });

    test('errors appear as the person types, in the page language, and the answers stay', async ({ page }) => {
      await page.goto(`/${locale}/talent`);
      await waitForEnhancedForm(page);
      const name = page.locator('#signup-fullName');
      await name.fill('A');
      await name.blur();
      await expect(page.locator('#signup-fullName-error')).toContainText(text.nameTooShort);
      await expect(name).toHaveAttribute('aria-invalid', 'true');
      await expect(name).toHaveAttribute('aria-describedby', /signup-fullName-error/);

      await fillSignUp(page, { ...goodAnswers, fullName: 'A', email: 'ana@', birthYear: underageYear, consent: false, interests: [] });
      await page.getByRole('button', { name: text.submit }).click();
      // Focus goes to the first wrong answer; every error is listed, none was sent.
      await expect(name).toBeFocused();
      await expect(page.locator('#signup-email-error')).toContainText(text.emailInvalid);
      await expect(page.locator('#signup-birthYear-error')).toContainText(text.underage);
      await expect(page.locator('#signup-interests-error')).toContainText(text.interests);
      await expect(page.locator('#signup-consent-error')).toContainText(text.consent);
      await expect(page.locator('#signup-email')).toHaveValue('ana@');
      await expect(page.locator('#signup-municipality')).toHaveValue('76520');
      await expect(page.locator('#signup-englishLevel-C1')).toBeChecked();
      await expectNoAxeViolations(page);
      expect(await queryDb(`SELECT id FROM candidates WHERE email = 'ana@'`)).toEqual([]);

      // Fixing the answers clears the errors and the form goes through.
      const email = uniqueEmail(`fix-${locale}`);
      await name.fill('Ana María');
      await page.locator('#signup-email').fill(email);
      await page.locator('#signup-birthYear').fill('1990');
      await fillSignUp(page, { interests: ['technology'], adult: true, consent: true });
      await expectNoFieldErrors(page);
      await page.getByRole('button', { name: text.submit }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.thanks);
      expect(await candidateByEmail(email)).toHaveLength(1);
    });

    test('?program=hello-valle comes ticked', async ({ page }) => {
      await page.goto(`/${locale}/talent?program=hello-valle`);
      await waitForEnhancedForm(page);
      await expect(page).toHaveURL(new RegExp(`/${locale}/talent\\?program=hello-valle$`));
      await expect(page.locator('#signup-programs-hello-valle')).toBeChecked();
      await expect(page.locator('#signup-programs-cali-open-to-work')).not.toBeChecked();
      await expect(page.getByText(text.programChosen)).toBeVisible();

      const email = uniqueEmail(`program-${locale}`);
      await fillSignUp(page, { ...goodAnswers, email });
      await page.getByRole('button', { name: text.submit }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.thanks);
      expect(await candidateByEmail(email)).toEqual([expect.objectContaining({ programs: ['hello-valle'] })]);
    });

    test('the form and the confirmation have no accessibility violations', async ({ page }) => {
      await page.goto(`/${locale}/talent`);
      await waitForEnhancedForm(page);
      await expectNoAxeViolations(page);
      await fillSignUp(page, { ...goodAnswers, email: uniqueEmail(`axe-${locale}`) });
      await page.getByRole('button', { name: text.submit }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.thanks);
      await expectNoAxeViolations(page);
    });

    test('too many attempts from one address: "try again at" a time, with the answers kept', async ({ page, request }) => {
      // Sixty attempts (the default limit: a classroom on one network) from this test's address use up its window.
      for (let i = 0; i < 60; i++) {
        const response = await request.post(`/${locale}/talent/submit`, { form: { fullName: '' }, maxRedirects: 0 });
        expect(response.status()).toBe(422);
      }
      const email = uniqueEmail(`limited-${locale}`);
      await page.goto(`/${locale}/talent`);
      await waitForEnhancedForm(page);
      await fillSignUp(page, { ...goodAnswers, email });
      await page.getByRole('button', { name: text.submit }).click();
      await expect(page.getByRole('form').getByRole('alert')).toContainText(text.rateLimited);
      // When to come back, as a time of day in Colombia.
      await expect(page.getByRole('form').getByRole('alert')).toContainText(/\d{1,2}:\d{2}/);
      await expect(page.getByRole('form').getByRole('alert')).toBeFocused();
      await expect(page.locator('#signup-email')).toHaveValue(email);
      await expect(page.locator('#signup-consent')).toBeChecked();
      expect(await candidateByEmail(email)).toEqual([]);
    });

    test('an oversized request is refused, nothing is stored, and the answers stay', async ({ page }) => {
      const email = uniqueEmail(`big-${locale}`);
      await page.goto(`/${locale}/talent`);
      await waitForEnhancedForm(page);
      await fillSignUp(page, { ...goodAnswers, email });
      // What no person can type: 100 kB more in the same post (the limit is 64 kB).
      await page.locator('form').evaluate((form) => {
        const extra = document.createElement('input');
        extra.type = 'hidden';
        extra.name = 'padding';
        extra.value = 'x'.repeat(100 * 1024);
        form.append(extra);
      });
      await page.getByRole('button', { name: text.submit }).click();
      await expect(page.getByRole('form').getByRole('alert')).toContainText(text.unavailable);
      await expect(page.locator('#signup-email')).toHaveValue(email);
      expect(await candidateByEmail(email)).toEqual([]);
    });
  });

  test.describe(`sign-up in ${locale}, without JavaScript`, () => {
    test.use({ javaScriptEnabled: false });

    test('the plain form posts, is stored and shows the confirmation', async ({ page }) => {
      const email = uniqueEmail(`nojs-${locale}`);
      await page.goto(`/${locale}/talent`);
      await fillSignUp(page, { ...goodAnswers, email, programs: ['cali-open-to-work'] });
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/${locale}/talent/submit`)),
        page.getByRole('button', { name: text.submit }).click(),
      ]);
      expect(response.status()).toBe(303);
      await expect(page).toHaveURL(new RegExp(`/${locale}/talent/thanks$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.thanks);
      expect(await candidateByEmail(email)).toEqual([expect.objectContaining({ locale, programs: ['cali-open-to-work'] })]);
    });

    test('errors come back from the server in the page language, with every answer kept', async ({ page, browser }) => {
      await page.goto(`/${locale}/talent`);
      await fillSignUp(page, {
        ...goodAnswers,
        fullName: 'A',
        email: 'ana@',
        birthYear: underageYear,
        consent: false,
        programs: ['hello-valle', 'mesa-de-bilinguismo'],
      });
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/${locale}/talent/submit`)),
        page.getByRole('button', { name: text.submit }).click(),
      ]);
      expect(response.status()).toBe(422);
      const html = await response.text();
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('#signup-fullName-error')).toContainText(text.nameTooShort);
      await expect(page.locator('#signup-email-error')).toContainText(text.emailInvalid);
      await expect(page.locator('#signup-birthYear-error')).toContainText(text.underage);
      await expect(page.locator('#signup-consent-error')).toContainText(text.consent);
      await expect(page.locator('#signup-fullName')).toHaveAttribute('aria-invalid', 'true');
      // The error summary links to each wrong answer.
      await expect(page.locator('a[href="#signup-fullName"]')).toHaveText(text.nameTooShort);

      await expect(page.locator('#signup-fullName')).toHaveValue('A');
      await expect(page.locator('#signup-email')).toHaveValue('ana@');
      await expect(page.locator('#signup-phone')).toHaveValue(goodAnswers.phone);
      await expect(page.locator('#signup-municipality')).toHaveValue(goodAnswers.municipality);
      await expect(page.locator('#signup-birthYear')).toHaveValue(underageYear);
      await expect(page.locator('#signup-englishLevel-C1')).toBeChecked();
      await expect(page.locator('#signup-interests-software-development')).toBeChecked();
      await expect(page.locator('#signup-programs-hello-valle')).toBeChecked();
      await expect(page.locator('#signup-programs-mesa-de-bilinguismo')).toBeChecked();
      await expect(page.locator('#signup-consent')).not.toBeChecked();
      await expectNoAxeViolationsAsServed(browser, response.url(), html);

      // Corrected on the same page, it goes through.
      const email = uniqueEmail(`nojs-fix-${locale}`);
      await fillSignUp(page, { fullName: 'Ana María', email, birthYear: '1990', adult: true, consent: true });
      await page.getByRole('button', { name: text.submit }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.thanks);
      expect(await candidateByEmail(email)).toEqual([expect.objectContaining({ full_name: 'Ana María' })]);
    });

    test('?program=hello-valle comes ticked without JavaScript too', async ({ page, browser }) => {
      const response = await page.goto(`/${locale}/talent?program=hello-valle`);
      await expect(page.locator('#signup-programs-hello-valle')).toBeChecked();
      await expect(page.getByText(text.programChosen)).toBeVisible();
      await expectNoAxeViolationsAsServed(browser, page.url(), await response!.text());
    });
  });
}

test('a form sent before JavaScript took over comes back with its errors and then works with JavaScript', async ({ page }) => {
  await page.goto('/es/talent');
  await waitForEnhancedForm(page);
  await fillSignUp(page, { ...goodAnswers, fullName: 'A', email: uniqueEmail('early') });
  // form.submit() skips the enhanced handler: the same native post a browser makes before hydration.
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/es/talent/submit')),
    page.locator('form[aria-label]').evaluate((form: HTMLFormElement) => form.submit()),
  ]);
  expect(response.status()).toBe(422);
  await waitForEnhancedForm(page);
  await expect(page.locator('#signup-fullName-error')).toContainText(copy.es.nameTooShort);
  // The error summary the server sent stays once the scripts have taken over.
  await expect(page.locator('a[href="#signup-fullName"]')).toHaveText(copy.es.nameTooShort);

  const email = uniqueEmail('early-fixed');
  await fillSignUp(page, { fullName: 'Ana María', email });
  await expectNoFieldErrors(page);
  await page.getByRole('button', { name: copy.es.submit }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(copy.es.thanks);
  expect(await candidateByEmail(email)).toHaveLength(1);
});

for (const javaScriptEnabled of [false, true]) {
  test(`the language switch on a form with a program ticked keeps it ticked (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto('/es/talent?program=hello-valle');
    if (javaScriptEnabled) await waitForEnhancedForm(page);
    await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link').click();
    await expect(page).toHaveURL(/\/en\/talent\?program=hello-valle$/);
    await expect(page.locator('#signup-programs-hello-valle')).toBeChecked();
    await expect(page.getByText(copy.en.programChosen)).toBeVisible();
    await context.close();
  });
}

/** Opens the English form and waits until it checks answers; returns the scripts the page load fetched. */
async function openFormNotingScripts(page: Page): Promise<Set<string>> {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto('/en/talent');
  await waitForEnhancedForm(page);
  return new Set(scripts);
}

test('the code that checks answers is fetched when the person reaches the form, not with the page', async ({ page }) => {
  const withPage = await openFormNotingScripts(page);
  const fetchedLater = page.waitForRequest((request) => request.resourceType() === 'script' && !withPage.has(request.url()), {
    timeout: 10_000,
  });
  await page.locator('#signup-fullName').focus();
  await fetchedLater;
  await page.locator('#signup-fullName').fill('A');
  await page.locator('#signup-email').focus();
  await expect(page.locator('#signup-fullName-error')).toContainText(copy.en.nameTooShort);
});

test('when that code cannot be fetched, the server checks the answers and the form keeps them', async ({ page }) => {
  const withPage = await openFormNotingScripts(page);
  // The connection drops after the page has loaded: no further script arrives.
  await page.route('**/*.js', (route) => (withPage.has(route.request().url()) ? route.continue() : route.abort('internetdisconnected')));
  const email = uniqueEmail('no-schema');
  await fillSignUp(page, { ...goodAnswers, fullName: 'A', email });
  await page.getByRole('button', { name: copy.en.submit }).click();
  await expect(page.locator('#signup-fullName-error')).toContainText(copy.en.nameTooShort);
  await expect(page.locator('#signup-email')).toHaveValue(email);
  expect(await candidateByEmail(email)).toHaveLength(0);
});

test.describe('sign-up requests', () => {
  test('the same email again gets the same answer and keeps one candidate, unchanged until the address confirms', async ({ request }) => {
    const email = uniqueEmail('again');
    const post = (address: string, fullName: string) =>
      request.post('/es/talent/submit', {
        form: { ...goodAnswers, interests: 'technology', adult: 'yes', consent: 'yes', fullName, email: address },
        maxRedirects: 0,
      });
    const first = await post(email, 'Primera Vez');
    const second = await post(`  ${email.toUpperCase()} `, 'Segunda Vez');
    expect([first.status(), first.headers().location]).toEqual([303, '/es/talent/thanks']);
    expect([second.status(), second.headers().location]).toEqual([303, '/es/talent/thanks']);
    expect(await second.text()).toBe(await first.text());
    // Double opt-in: the second sign-up waits as a pending submission; only its mailed link would apply it.
    expect(await candidateByEmail(email)).toEqual([expect.objectContaining({ full_name: 'Primera Vez' })]);
    expect(await queryDb(`SELECT full_name FROM submissions WHERE email = $1 ORDER BY created_at`, [email])).toEqual([
      { full_name: 'Primera Vez' },
      { full_name: 'Segunda Vez' },
    ]);
  });

  test('both kinds of post to the no-JavaScript address are answered under a request id', async ({ request }) => {
    // The plain post is answered by proxy.ts itself; a server action posted there (a form that came back from that
    // address) goes on to the form's page. Either way the answer names the id its log lines carry.
    const plain = await request.post('/es/talent/submit', { form: { fullName: '' }, maxRedirects: 0 });
    const action = await request.post('/es/talent/submit', {
      headers: { 'next-action': '00'.repeat(21), 'content-type': 'text/plain;charset=UTF-8' },
      data: '[]',
      maxRedirects: 0,
    });
    expect([plain.status(), action.headers()['x-nextjs-action-not-found']]).toEqual([422, '1']);
    for (const answer of [plain, action]) expect(answer.headers()['x-request-id']).toMatch(/^[\w.:-]{8,128}$/);
  });

  test('a post over 64 kB is refused with 413 and nothing is stored', async ({ request }) => {
    const email = uniqueEmail('oversized');
    const response = await request.post('/en/talent/submit', {
      form: { ...goodAnswers, interests: 'technology', adult: 'yes', consent: 'yes', email, fullName: 'x'.repeat(70 * 1024) },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(413);
    expect(await response.text()).toContain('Your answers are too long to send.');
    expect(await candidateByEmail(email)).toEqual([]);
  });

  test('a post from another site is refused', async ({ request }) => {
    const email = uniqueEmail('cross-site');
    const response = await request.post('/es/talent/submit', {
      form: { ...goodAnswers, interests: 'technology', adult: 'yes', consent: 'yes', email },
      headers: { Origin: 'https://evil.example' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain('Este formulario solo se puede enviar desde el sitio de Talento Bilingüe.');
    expect(await candidateByEmail(email)).toEqual([]);
  });

  test('the no-JavaScript review page cannot be made to show anything from outside', async ({ request }) => {
    const response = await request.get('/es/talent/review', {
      headers: { 'x-bt-signup-state': 'eyJzdGF0dXMiOiJpbnZhbGlkIn0.forged' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toBe('/es/talent');
  });

  test('a well-formed form state sent from outside is dropped by the proxy, not shown', async ({ request }) => {
    const state = { status: 'invalid', values: { ...emptyValues, fullName: 'Injected Name' }, fieldErrors: { fullName: 'fullName.invalid' } };
    const response = await request.get('/es/talent/review', {
      headers: { 'x-bt-signup-state': Buffer.from(JSON.stringify(state)).toString('base64url') },
      maxRedirects: 0,
    });
    expect([response.status(), response.headers().location]).toEqual([307, '/es/talent']);
  });

  test('the confirmation page is not indexed', async ({ page }) => {
    await page.goto('/en/talent');
    await waitForEnhancedForm(page);
    await fillSignUp(page, { ...goodAnswers, email: uniqueEmail('noindex') });
    await page.getByRole('button', { name: copy.en.submit }).click();
    await expect(page).toHaveURL(/\/en\/talent\/thanks$/);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  });
});
