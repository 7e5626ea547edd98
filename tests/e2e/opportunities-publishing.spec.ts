// Staff create a training cohort and a job opening, publish them, and the public pages show them — static pages made
// again on demand, with valid schema.org data and no CSP violation — and closing one makes its page say so. The
// home finder's answer that suggests the cohort's program lists it, and no longer once it is closed.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { axeTags, e2eState, queryDb } from './support';

const employerName = 'Contact Center E2E S.A.S.';

const text = {
  es: {
    email: 'Correo electrónico', password: 'Contraseña', signIn: 'Ingresar', newCohort: 'Nueva cohorte de formación', newJob: 'Nueva vacante',
    titleEs: 'Título en español', titleEn: 'Título en inglés', descriptionEs: 'Descripción en español', descriptionEn: 'Descripción en inglés',
    program: 'Programa', mode: 'Presencial o virtual', startsOn: 'Empieza el', endsOn: 'Termina el', place: 'Lugar', url: 'Enlace de inscripción del programa',
    employer: 'Empleador', closesOn: 'Recibe postulaciones hasta', salaryMin: 'Salario mensual desde (COP)', salaryMax: 'Salario mensual hasta (COP)',
    employmentType: 'Tipo de contrato', fullTime: 'Tiempo completo', level: 'Nivel de inglés mínimo', remote: 'Se puede trabajar en remoto',
    publish: 'Guardar y publicar', saveDraft: 'Guardar borrador', published: 'Publicada: su página pública está en línea', close: 'Cerrar', closed: 'Cerrada:',
    errorSummary: 'Corrige estos campos:', required: 'Hace falta antes de publicar.', nav: 'Oportunidades', onsite: 'Presencial',
    closedJob: 'Esta vacante está cerrada', kindFilter: 'Mostrar', show: 'Mostrar', jobKind: 'Vacante', cohortKind: 'Cohorte de formación', cohortsHeading: 'Próximo grupo',
    mesa: 'Mesa de bilingüismo de Cali', finderCohorts: /^(El próximo grupo|Los próximos grupos) de Mesa de bilingüismo de Cali$/, cohortDates: 'Del 1 de marzo de 2099 al 31 de agosto de 2099',
  },
  en: {
    email: 'Email', password: 'Password', signIn: 'Sign in', newCohort: 'New training cohort', newJob: 'New job opening',
    titleEs: 'Title in Spanish', titleEn: 'Title in English', descriptionEs: 'Description in Spanish', descriptionEn: 'Description in English',
    program: 'Program', mode: 'In person or online', startsOn: 'Starts on', endsOn: 'Ends on', place: 'Place', url: "The program's enrolment link",
    employer: 'Employer', closesOn: 'Applications close on', salaryMin: 'Monthly salary from (COP)', salaryMax: 'Monthly salary up to (COP)',
    employmentType: 'Employment type', fullTime: 'Full time', level: 'English level at least', remote: 'Remote work possible',
    publish: 'Save and publish', saveDraft: 'Save draft', published: 'Published: its public page is up', close: 'Close', closed: 'Closed:',
    errorSummary: 'Please correct these fields:', required: 'This is needed before publishing.', nav: 'Opportunities', onsite: 'In person',
    closedJob: 'This job opening is closed', kindFilter: 'Show', show: 'Show these', jobKind: 'Job opening', cohortKind: 'Training cohort', cohortsHeading: 'Next group',
    mesa: 'Mesa de bilingüismo de Cali', finderCohorts: /^The next groups? of Mesa de bilingüismo de Cali$/, cohortDates: 'March 1, 2099 to August 31, 2099',
  },
} as const;
type Locale = keyof typeof text;

test.beforeAll(async () => {
  await queryDb(
    `INSERT INTO partner_organizations (name, kind, receives_as) VALUES ($1, 'employer', 'controller') ON CONFLICT (lower(name)) DO NOTHING`,
    [employerName],
  );
});

async function signIn(page: Page, locale: Locale) {
  const { email, password } = e2eState().staff.staff;
  const t = text[locale];
  await page.goto(`/${locale}/staff/login`);
  await page.getByLabel(t.email).fill(email);
  await page.getByLabel(t.password).fill(password);
  await page.getByRole('button', { name: t.signIn }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/staff$`));
}

async function expectNoAxeViolations(page: Page, tags?: string[]) {
  const builder = new AxeBuilder({ page });
  const results = await (tags ? builder.withTags(tags) : builder).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** CSP violations Chromium reports on the page's console. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

/** The public page's HTML as a visitor gets it, twice: the second answer must come from Next's cache (static). */
async function staticPage(request: APIRequestContext, url: string) {
  let response = await request.get(url);
  expect(response.status(), url).toBe(200);
  response = await request.get(url);
  expect(response.status(), url).toBe(200);
  const headers = response.headers();
  expect(headers['cache-control'], url).toMatch(/s-maxage=\d+/);
  expect(headers['cache-control'], url).not.toMatch(/no-store|private/);
  expect(headers['x-nextjs-cache'], url).toBe('HIT');
  return response.text();
}

function jsonLdOf(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
}

function unique(locale: Locale) {
  return `${locale}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}

for (const locale of ['es', 'en'] as const) {
  test.describe(`opportunities (${locale})`, () => {
    test('staff create and publish a cohort and a job opening; the static public pages and the finder show them with their JSON-LD; closing one says so', async ({ page, request }) => {
      test.setTimeout(120_000);
      const t = text[locale];
      const tag = unique(locale);
      const violations = cspViolations(page);
      await signIn(page, locale);

      await page.getByRole('navigation').getByRole('link', { name: t.nav, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/staff/opportunities$`));
      await expectNoAxeViolations(page);

      // A cohort. Of the initiative for organizations: the resident-site spec, which may run beside this one, holds the
      // programs for people to "no open group right now".
      await page.getByRole('link', { name: t.newCohort }).click();
      await expectNoAxeViolations(page);
      await page.getByLabel(t.titleEs, { exact: true }).fill(`Cohorte de inglés ${tag}`);
      await page.getByLabel(t.titleEn, { exact: true }).fill(`English cohort ${tag}`);
      await page.getByLabel(t.descriptionEs, { exact: true }).fill('Clases de inglés para el trabajo, de lunes a viernes.');
      await page.getByLabel(t.descriptionEn, { exact: true }).fill('English classes for work, Monday to Friday.');
      await page.getByLabel(t.program, { exact: true }).selectOption('mesa-de-bilinguismo');
      await page.getByLabel(t.mode, { exact: true }).selectOption('in_person');
      await page.getByLabel(t.startsOn, { exact: true }).fill('2099-03-01');
      await page.getByLabel(t.endsOn, { exact: true }).fill('2099-08-31');
      await page.getByLabel(t.place, { exact: true }).fill('Sede El Prado, Cali');
      await page.getByLabel(t.url, { exact: true }).fill('https://hellovalle.example.org/inscripciones');
      await page.getByRole('button', { name: t.publish }).click();
      await expect(page.getByRole('status')).toContainText(t.published);
      await expectNoAxeViolations(page);
      const cohortHref = await page.locator(`a[href^="/${locale}/opportunities/"]`).getAttribute('href');
      expect(cohortHref).toMatch(new RegExp(`^/${locale}/opportunities/cohorte-de-ingles-${tag}-[a-z0-9]{6}$`));
      const cohortEditUrl = page.url();
      const cohortTitle = locale === 'es' ? `Cohorte de inglés ${tag}` : `English cohort ${tag}`;

      // A job opening at the partner employer.
      await page.goto(`/${locale}/staff/opportunities/new?kind=job`);
      await page.getByLabel(t.titleEs, { exact: true }).fill(`Agente bilingüe ${tag}`);
      await page.getByLabel(t.titleEn, { exact: true }).fill(`Bilingual agent ${tag}`);
      await page.getByLabel(t.descriptionEs, { exact: true }).fill('Atiende clientes de Estados Unidos por teléfono.');
      await page.getByLabel(t.descriptionEn, { exact: true }).fill('Serve customers in the United States by phone.');
      await page.getByLabel(t.employer, { exact: true }).selectOption({ label: employerName });
      await page.getByLabel(t.employmentType, { exact: true }).selectOption({ label: t.fullTime });
      await page.getByLabel(t.salaryMin, { exact: true }).fill('2500000');
      await page.getByLabel(t.salaryMax, { exact: true }).fill('3200000');
      await page.getByLabel(t.closesOn, { exact: true }).fill('2099-01-31');
      await page.getByLabel(t.level, { exact: true }).selectOption('B2');
      await page.getByLabel('Cali', { exact: true }).check();
      await page.getByLabel(t.remote, { exact: true }).check();
      await page.getByRole('button', { name: t.publish }).click();
      await expect(page.getByRole('status')).toContainText(t.published);
      const jobHref = await page.locator(`a[href^="/${locale}/opportunities/"]`).getAttribute('href');
      const jobEditUrl = page.url();

      // Every change is in the audit trail.
      const audited = await queryDb<{ action: string }>(
        `SELECT action FROM audit_events WHERE details->>'opportunity' IN (SELECT id::text FROM opportunities WHERE slug = ANY($1)) ORDER BY id`,
        [[cohortHref!.split('/').pop(), jobHref!.split('/').pop()]],
      );
      expect(audited.map((a) => a.action)).toEqual(['opportunity.create', 'opportunity.publish', 'opportunity.create', 'opportunity.publish']);

      // The public pages: static (served from Next's cache), with their schema.org data.
      const cohortHtml = await staticPage(request, cohortHref!);
      const [course] = jsonLdOf(cohortHtml);
      expect(course).toMatchObject({ '@context': 'https://schema.org', '@type': 'Course', name: locale === 'es' ? `Cohorte de inglés ${tag}` : `English cohort ${tag}`, provider: { '@type': 'Organization' } });
      expect(course!.hasCourseInstance).toMatchObject([{ '@type': 'CourseInstance', courseMode: 'Onsite', startDate: '2099-03-01', endDate: '2099-08-31', location: { '@type': 'Place' } }]);

      const jobHtml = await staticPage(request, jobHref!);
      const [posting] = jsonLdOf(jobHtml);
      expect(posting).toMatchObject({
        '@type': 'JobPosting',
        title: locale === 'es' ? `Agente bilingüe ${tag}` : `Bilingual agent ${tag}`,
        description: expect.any(String),
        datePosted: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        validThrough: '2099-01-31T23:59:59-05:00',
        hiringOrganization: { '@type': 'Organization', name: employerName },
        jobLocation: [{ '@type': 'Place', address: { addressLocality: 'Santiago de Cali', addressCountry: 'CO' } }],
        jobLocationType: 'TELECOMMUTE',
        applicantLocationRequirements: { '@type': 'Country', name: 'Colombia' },
        baseSalary: { currency: 'COP', value: { minValue: 2500000, maxValue: 3200000, unitText: 'MONTH' } },
        employmentType: 'FULL_TIME',
      });

      // Through a browser: the pages' scripts run under their CSP, and axe finds nothing.
      await page.goto(jobHref!);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'es' ? `Agente bilingüe ${tag}` : `Bilingual agent ${tag}`);
      await expectNoAxeViolations(page, axeTags);
      await page.goto(`/${locale}/opportunities`);
      await expect(page.getByRole('link', { name: locale === 'es' ? `Agente bilingüe ${tag}` : `Bilingual agent ${tag}` })).toBeVisible();
      await expect(page.getByRole('link', { name: locale === 'es' ? `Cohorte de inglés ${tag}` : `English cohort ${tag}` })).toBeVisible();
      await expectNoAxeViolations(page, axeTags);
      // The filter form, without JavaScript's help: a GET to the list's address, answered by a prerendered page.
      await page.getByLabel(t.kindFilter, { exact: true }).selectOption('job');
      await page.getByRole('button', { name: t.show, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/opportunities\\?kind=job&interest=all$`));
      await expect(page.getByRole('link', { name: locale === 'es' ? `Agente bilingüe ${tag}` : `Bilingual agent ${tag}` })).toBeVisible();
      await expect(page.getByRole('link', { name: locale === 'es' ? `Cohorte de inglés ${tag}` : `English cohort ${tag}` })).toHaveCount(0);
      await expectNoAxeViolations(page, axeTags);
      const filtered = await request.get(`/${locale}/opportunities?kind=cohort&interest=technology`);
      expect(await filtered.text()).toContain(locale === 'es' ? `Cohorte de inglés ${tag}` : `English cohort ${tag}`);

      // The program's page lists its upcoming cohort.
      await page.goto(`/${locale}/programs/mesa-de-bilinguismo`);
      await expect(page.getByTestId('program-cohorts').getByRole('link', { name: locale === 'es' ? `Cohorte de inglés ${tag}` : `English cohort ${tag}` })).toBeVisible();

      // The finder's answer that suggests the program (an organization's: the initiatives) lists the cohort under it,
      // with its dates, mode and place and a link to its page: a static page too, made again by the publication.
      const finderUrl = `/${locale}/for-you?goal=organization`;
      // Retried: the other language's test, beside this one, may expire the answers between the two requests.
      await expect(async () => expect(await staticPage(request, finderUrl)).toContain(cohortTitle)).toPass({ timeout: 20_000 });
      await page.goto(finderUrl);
      const mesaCard = page.locator('main ol > li').filter({ has: page.getByRole('heading', { level: 2, name: t.mesa }) });
      // One group or more: the other language's test publishes a cohort of the same program.
      const finderCohorts = mesaCard.getByRole('region', { name: t.finderCohorts });
      const finderCohort = finderCohorts.getByRole('listitem').filter({ has: page.getByRole('link', { name: cohortTitle }) });
      await expect(finderCohort.getByRole('link', { name: cohortTitle })).toHaveAttribute('href', cohortHref!);
      await expect(finderCohort.getByRole('definition')).toHaveText([t.cohortDates, t.onsite, 'Sede El Prado, Cali']);
      await expectNoAxeViolations(page, axeTags);

      // The sitemap lists both while they are published.
      const sitemap = await (await request.get('/sitemap.xml')).text();
      expect(sitemap).toContain(jobHref!);
      expect(sitemap).toContain(cohortHref!);

      // Close the job opening: its page stays and says so, without JSON-LD; it leaves the list and the sitemap.
      await page.goto(jobEditUrl);
      await page.getByRole('button', { name: t.close, exact: true }).click();
      await expect(page.getByRole('status')).toContainText(t.closed);
      const closedHtml = await staticPage(request, jobHref!);
      expect(closedHtml).toContain(t.closedJob);
      expect(jsonLdOf(closedHtml)).toEqual([]);
      await page.goto(jobHref!);
      await expect(page.getByTestId('opportunity-closed')).toContainText(t.closedJob);
      await expectNoAxeViolations(page, axeTags);
      expect(await (await request.get(`/${locale}/opportunities`)).text()).not.toContain(jobHref!);
      expect(await (await request.get('/sitemap.xml')).text()).not.toContain(jobHref!);
      const closedAudit = await queryDb(`SELECT 1 FROM audit_events WHERE action = 'opportunity.close' AND details->>'slug' = $1`, [jobHref!.split('/').pop()]);
      expect(closedAudit).toHaveLength(1);

      // Close the cohort: it leaves the finder's answer, whose other suggestion keeps its card.
      await page.goto(cohortEditUrl);
      await page.getByRole('button', { name: t.close, exact: true }).click();
      await expect(page.getByRole('status')).toContainText(t.closed);
      await expect(async () => expect(await staticPage(request, finderUrl)).not.toContain(cohortTitle)).toPass({ timeout: 20_000 });
      await page.goto(finderUrl);
      await expect(page.getByRole('heading', { level: 2, name: t.mesa })).toBeVisible();
      await expect(page.getByRole('link', { name: cohortTitle })).toHaveCount(0);
      await expectNoAxeViolations(page, axeTags);

      expect(violations).toEqual([]);
    });

    test('publishing without the other language is refused with the typed text kept, also without JavaScript', async ({ browser, page }) => {
      const t = text[locale];
      const context = await browser.newContext({ javaScriptEnabled: false });
      const noJs = await context.newPage();
      const title = `Solo en español ${unique(locale)}`;
      let draftUrl: string;
      try {
        await signIn(noJs, locale);
        await noJs.goto(`/${locale}/staff/opportunities/new?kind=cohort`);
        await noJs.getByLabel(t.titleEs, { exact: true }).fill(title);
        await noJs.getByLabel(t.descriptionEs, { exact: true }).fill('Una descripción solo en español.');
        await noJs.getByLabel(t.program, { exact: true }).selectOption('hello-valle');
        await noJs.getByRole('button', { name: t.publish }).click();
        // Saved as a draft (nothing typed is lost) and not published: its page lists what is missing.
        await expect(noJs).toHaveURL(new RegExp(`/${locale}/staff/opportunities/[0-9a-f-]{36}\\?notice=incomplete$`));
        draftUrl = noJs.url().replace(/\?.*$/, '');
        await expect(noJs.getByText(`${t.titleEn}: ${t.required}`)).toBeVisible();
        await expect(noJs.getByLabel(t.titleEs, { exact: true })).toHaveValue(title);
        const [row] = await queryDb<{ state: string }>(`SELECT state FROM opportunities WHERE title_es = $1`, [title]);
        expect(row?.state).toBe('draft');

        // An invalid link comes back from the server on the form itself, with the error and what was typed.
        await noJs.getByLabel(t.url, { exact: true }).fill('http://not-https.example.org');
        await noJs.getByRole('button', { name: t.saveDraft }).click();
        await expect(noJs.getByRole('alert')).toContainText(t.errorSummary);
        await expect(noJs.getByLabel(t.url, { exact: true })).toHaveValue('http://not-https.example.org');
        await expect(noJs.getByLabel(t.titleEs, { exact: true })).toHaveValue(title);
      } finally {
        await context.close();
      }

      // With JavaScript, the same schema answers before anything is posted; axe finds nothing on either state.
      await signIn(page, locale);
      await page.goto(draftUrl);
      await expectNoAxeViolations(page);
      await page.getByLabel(t.url, { exact: true }).fill('ftp://example.org');
      await page.getByRole('button', { name: t.publish }).click();
      await expect(page.locator('#opportunity-errors')).toContainText(t.errorSummary);
      await expect(page.getByLabel(t.url, { exact: true })).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolations(page);
      const [row] = await queryDb<{ state: string; enrolment_url: string | null }>(`SELECT state, enrolment_url FROM opportunities WHERE title_es = $1`, [title]);
      expect(row).toEqual({ state: 'draft', enrolment_url: null });
    });
  });
}
