// The request register end to end, in Chromium against next start and the e2e mail catcher: a candidate signs up,
// opens My data from the mailed link and files a reclamo (in Spanish without JavaScript, in English with it); staff
// see the "reclamo en trámite" mark, find the reclamo in the register with its legal due date in Colombian business
// days, extend it with a reason and answer it; the candidate gets both by mail and sees it resolved. axe checks
// every new page; the incident register is checked too.
import type { Browser, Page } from '@playwright/test';
import en from '../../messages/en.json' with { type: 'json' };
import es from '../../messages/es.json' with { type: 'json' };
import { dueDate, extendedDueDate } from '@/lib/requests/deadlines';
import { e2eState, linkIn, mailTo, queryDb } from './support';
import { expect, expectNoAxeViolations, expectNoAxeViolationsAsServed, fillSignUp, goodAnswers, test, uniqueEmail } from './talent-support';

const messages = { en, es } as const;
test.describe.configure({ timeout: 180_000 });

async function axe(page: Page, browser: Browser, javaScript: boolean) {
  if (javaScript) await expectNoAxeViolations(page);
  else await expectNoAxeViolationsAsServed(browser, page.url(), await page.content());
}

/** A due date as the staff and My data pages write it: the weekday and the day, in Colombia. */
function written(locale: 'es' | 'en', day: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'America/Bogota' }).format(new Date(`${day}T12:00:00Z`));
}

for (const locale of ['es', 'en'] as const) {
  const javaScript = locale === 'en';
  const t = messages[locale];

  test.describe(`${locale}, ${javaScript ? 'with' : 'without'} JavaScript`, () => {
    test.use({ javaScriptEnabled: javaScript });

    test('a reclamo filed on My data is marked, extended, answered by staff and seen resolved by the candidate', async ({ page, browser }) => {
      const email = uniqueEmail(`reclamo-${locale}`);
      const fullName = locale === 'es' ? 'Lucía Reclamante' : 'Laura Claimant';
      // A confirmed candidate, through the site itself.
      await page.goto(`/${locale}/talent`);
      await fillSignUp(page, { ...goodAnswers, fullName, email });
      await page.getByRole('button', { name: t.TalentForm.submit }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/talent/thanks$`));
      await page.goto(linkIn(await mailTo(email, new RegExp(t.Mail.confirmSignUp.subject)), `/${locale}/confirm`));
      await page.getByRole('button', { name: t.Confirm.button }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/confirm/done$`));
      expect(await queryDb(`SELECT c.adult_statement FROM consents c JOIN candidates d ON d.id = c.candidate_id WHERE d.email = $1`, [email])).toEqual([
        { adult_statement: true },
      ]);

      // My data, through the mailed link.
      await page.goto(`/${locale}/my-data`);
      await page.locator('#my-data-email').fill(email);
      await page.getByRole('button', { name: t.MyData.submit }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/my-data/sent$`));
      await page.goto(linkIn(await mailTo(email, new RegExp(t.Mail.myDataLink.subject)), `/${locale}/my-data/open`));
      await page.getByRole('button', { name: t.MyData.openButton }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/my-data/view$`));
      await expect(page.locator('#requests')).toContainText(t.MyData.requestsNone);

      // The reclamo, in the candidate's words.
      const words = locale === 'es' ? 'Mi teléfono está mal: termina en 42.' : 'My phone number is wrong: it ends in 42.';
      await page.locator('#reclamo-subject').selectOption('rectification');
      await page.locator('#reclamo-description').fill(words);
      await page.getByRole('button', { name: t.MyData.reclamoButton }).click();
      await expect(page.getByText(t.MyData.done.reclamo)).toBeVisible();
      const [request] = await queryDb<{ id: string; reference: number; received_at: Date; due_on: string }>(
        `SELECT r.id, r.reference, r.received_at, to_char(r.due_on, 'YYYY-MM-DD') AS due_on
           FROM data_requests r JOIN candidates c ON c.id = r.candidate_id WHERE c.email = $1 AND r.kind = 'reclamo'`,
        [email],
      );
      // 15 business days from the day after receipt, Colombian holidays skipped.
      const due = dueDate('reclamo', request!.received_at);
      expect(request!.due_on).toBe(due);
      const mine = page.locator('#requests li').first();
      await expect(mine).toContainText(t.Requests.status.open);
      await expect(mine).toContainText(written(locale, due));
      await expect(mine).toContainText(words);
      await axe(page, browser, javaScript);
      const ack = await mailTo(email, new RegExp(t.Mail.requestUpdate.received.subject.replace('{reference}', String(request!.reference))));
      expect(ack.text).toContain(written(locale, due));

      // Staff, in a browser of their own.
      const staffContext = await browser.newContext({ javaScriptEnabled: javaScript, baseURL: e2eState().baseUrl });
      const staff = await staffContext.newPage();
      const { email: adminEmail, password } = e2eState().staff.admin;
      await staff.goto(`/${locale}/staff/login`);
      await staff.locator('#staff-email').fill(adminEmail);
      await staff.locator('#staff-password').fill(password);
      await staff.getByRole('button', { name: t.StaffLogin.submit }).click();
      await expect(staff).toHaveURL(new RegExp(`/${locale}/staff$`));
      await expect(staff.getByRole('heading', { name: t.StaffRequests.dashboardTitle })).toBeVisible();
      await axe(staff, browser, javaScript);

      // The mark, with its reason, on the candidate list and the candidate's page; and out of the export.
      const mark = t.Requests.markReason.replace('{reason}', t.Requests.subject.rectification);
      await staff.goto(`/${locale}/staff/candidates?q=${encodeURIComponent(email)}`);
      await expect(staff.getByRole('row').filter({ hasText: email })).toContainText(mark);
      await staff.getByRole('link', { name: fullName }).click();
      await expect(staff.getByRole('note')).toContainText(mark);
      await expect(staff.getByRole('note')).toContainText(words);
      await axe(staff, browser, javaScript);
      // An export names the partner it is for and its purpose.
      const [partner] = await queryDb<{ id: string }>(
        `INSERT INTO partner_organizations (name, kind, receives_as) VALUES ($1, 'employer', 'processor') RETURNING id`,
        [`Aliado ${email}`],
      );
      const exported = await staff.request.get(
        `/api/staff/candidates/export?format=csv&locale=${locale}&q=${encodeURIComponent(email)}&organization=${partner!.id}&purpose=${encodeURIComponent('Selección')}`,
      );
      expect(exported.headers()['x-export-rows']).toBe('0');

      // The register: the reclamo, its legal due date; then extend it with a reason.
      await staff.goto(`/${locale}/staff/requests`);
      await axe(staff, browser, javaScript);
      await staff.getByRole('link', { name: String(request!.reference), exact: true }).first().click();
      await expect(staff).toHaveURL(new RegExp(`/${locale}/staff/requests/${request!.id}$`));
      await expect(staff.getByRole('heading', { level: 1 })).toHaveText(t.StaffRequest.title.replace('{reference}', String(request!.reference)));
      await expect(staff.locator('main')).toContainText(written(locale, due));
      await axe(staff, browser, javaScript);
      const reason = locale === 'es' ? 'Estamos verificando el número con el programa de formación.' : 'We are checking the number with the training program.';
      await staff.locator('#extend-reason').fill(reason);
      await staff.getByRole('button', { name: t.StaffRequest.extendSubmit }).click();
      await expect(staff.getByText(t.StaffRequest.done.extended)).toBeVisible();
      const extended = extendedDueDate('reclamo', due);
      await expect(staff.locator('main')).toContainText(written(locale, extended));
      await expect(staff.locator('main')).toContainText(reason);
      await axe(staff, browser, javaScript);
      const extensionMail = await mailTo(email, new RegExp(t.Mail.requestUpdate.extended.subject.replace('{reference}', String(request!.reference))));
      expect(extensionMail.text).toContain(reason);
      expect(extensionMail.text).toContain(written(locale, extended));

      // The answer closes it.
      const answer = locale === 'es' ? 'Corregimos tu número de teléfono.' : 'We corrected your phone number.';
      await staff.locator('#answer-text').fill(answer);
      await staff.getByRole('button', { name: t.StaffRequest.answerSubmit }).click();
      await expect(staff.getByText(t.StaffRequest.done.answered)).toBeVisible();
      await expect(staff.locator('main')).toContainText(t.Requests.status.resolved);
      await expect(staff.locator('main')).toContainText(t.StaffRequest.closedBy.replace('{name}', 'Ada Admin').split('{date}')[0]!.trim());
      await axe(staff, browser, javaScript);
      const answerMail = await mailTo(email, new RegExp(t.Mail.requestUpdate.answer.subject.replace('{reference}', String(request!.reference))));
      expect(answerMail.text).toContain(answer);

      // The mark is gone and the candidate is exported again.
      await staff.goto(`/${locale}/staff/candidates?q=${encodeURIComponent(email)}`);
      await expect(staff.getByRole('row').filter({ hasText: email })).not.toContainText(mark);
      const again = await staff.request.get(
        `/api/staff/candidates/export?format=csv&locale=${locale}&q=${encodeURIComponent(email)}&organization=${partner!.id}&purpose=${encodeURIComponent('Selección')}`,
      );
      expect(again.headers()['x-export-rows']).toBe('1');

      // The incident register (admins).
      await staff.goto(`/${locale}/staff/incidents`);
      await axe(staff, browser, javaScript);
      await staff.locator('#incident-summary').fill(locale === 'es' ? 'Un portátil con una exportación se perdió.' : 'A laptop holding an export was lost.');
      await staff.locator('#incident-personal').check();
      await staff.getByRole('button', { name: t.StaffIncidents.submit }).click();
      await expect(staff.getByText(t.StaffIncidents.done.recorded)).toBeVisible();
      await axe(staff, browser, javaScript);
      await staffContext.close();

      // The candidate sees it resolved, with the answer.
      await page.goto(`/${locale}/my-data/view`);
      const resolved = page.locator('#requests li').filter({ hasText: words });
      await expect(resolved).toContainText(t.Requests.status.resolved);
      await expect(resolved).toContainText(answer);
      await expect(resolved).toContainText(reason);
      await axe(page, browser, javaScript);
    });
  });
}
