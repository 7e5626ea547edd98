// The mail path end to end, in Chromium against next start and the SMTP server the e2e server runs: a sign-up's
// confirmation mail is read from that server, its link confirms the candidate, who then shows as confirmed to
// staff and in the export; then the candidate asks for My data, opens the mailed link, downloads a copy, corrects
// a field, withdraws one purpose and deletes everything. Both languages, with and without JavaScript; axe checks
// every new page in every state it reaches.
import type { Browser, Page } from '@playwright/test';
import en from '../../messages/en.json' with { type: 'json' };
import es from '../../messages/es.json' with { type: 'json' };
import { e2eState, exportRecipient, linkIn, mailTo, queryDb } from './support';
import { expect, expectNoAxeViolations, expectNoAxeViolationsAsServed, fillSignUp, goodAnswers, test, uniqueEmail } from './talent-support';

const messages = { en, es } as const;

// Each test is a whole journey through several pages, a mail server and axe on every state: more than the
// default minute on a busy 2-core machine.
test.describe.configure({ timeout: 150_000 });

/**
 * Every page and state is checked in both languages with JavaScript; without it the server sends the same HTML for
 * these pages (none has a script of its own but the link forms), so only the states a no-JavaScript visit alone
 * reaches are checked as served, which keeps this file's run time in bounds.
 */
async function axe(page: Page, browser: Browser, javaScript: boolean, onlyWithoutJavaScript = false) {
  if (javaScript) await expectNoAxeViolations(page);
  else if (onlyWithoutJavaScript) await expectNoAxeViolationsAsServed(browser, page.url(), await page.content());
}

async function signInAsStaff(page: Page, locale: 'es' | 'en') {
  const { email, password } = e2eState().staff.staff;
  await page.goto(`/${locale}/staff/login`);
  await page.locator('#staff-email').fill(email);
  await page.locator('#staff-password').fill(password);
  await page.getByRole('button', { name: messages[locale].StaffLogin.submit }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/staff$`));
}

for (const locale of ['es', 'en'] as const) {
  for (const javaScript of [true, false]) {
    test.describe(`${locale}, ${javaScript ? 'with' : 'without'} JavaScript`, () => {
      test.use({ javaScriptEnabled: javaScript });
      const t = messages[locale];

      test('sign up, read the confirmation mail, confirm, and show as confirmed to staff and in the export', async ({ page, browser }) => {
        const email = uniqueEmail(`confirm-${locale}-${javaScript ? 'js' : 'nojs'}`);
        await page.goto(`/${locale}/talent`);
        await fillSignUp(page, { ...goodAnswers, email });
        await page.getByRole('button', { name: t.TalentForm.submit }).click();
        await expect(page).toHaveURL(new RegExp(`/${locale}/talent/thanks$`));
        await expect(page.getByText(t.TalentThanks.received)).toBeVisible();
        await axe(page, browser, javaScript);
        expect(await queryDb(`SELECT status::text FROM candidates WHERE email = $1`, [email])).toEqual([{ status: 'pending' }]);

        const mail = await mailTo(email, new RegExp(t.Mail.confirmSignUp.subject));
        expect(mail.text).toContain(`/${locale}/my-data`);
        const link = linkIn(mail, `/${locale}/confirm`);
        // Opening the link (as a mail scanner would) changes nothing.
        await page.goto(link);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.Confirm.validTitle);
        expect(await queryDb(`SELECT status::text FROM candidates WHERE email = $1`, [email])).toEqual([{ status: 'pending' }]);
        await axe(page, browser, javaScript);
        await page.getByRole('button', { name: t.Confirm.button }).click();
        await expect(page).toHaveURL(new RegExp(`/${locale}/confirm/done$`));
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.Confirm.doneTitle);
        await axe(page, browser, javaScript);
        expect(await queryDb(`SELECT status::text FROM candidates WHERE email = $1`, [email])).toEqual([{ status: 'active' }]);

        // The same link again: used, said so in the page's language.
        await page.goto(link);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.Confirm.usedTitle);
        await axe(page, browser, javaScript);
        // A forged one: not valid, with a way to ask for a new one.
        await page.goto(`/${locale}/confirm?token=${'x'.repeat(43)}`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.Confirm.invalidTitle);
        await expect(page.getByRole('button', { name: t.Confirm.askSubmit })).toBeVisible();
        await axe(page, browser, javaScript);

        await signInAsStaff(page, locale);
        await page.goto(`/${locale}/staff/candidates?q=${encodeURIComponent(email)}&consent=active`);
        const row = page.getByRole('row').filter({ hasText: email });
        await expect(row).toContainText(t.StaffCandidates.consentActive);
        const csv = await page.request.get(`/api/staff/candidates/export?format=csv&locale=${locale}&q=${encodeURIComponent(email)}&${await exportRecipient()}`);
        expect(csv.status()).toBe(200);
        expect(await csv.text()).toContain(email);
      });

      test('My data: ask for the link, open it, download a copy, correct a field, withdraw one purpose, delete', async ({ page, browser }) => {
        const email = uniqueEmail(`mydata-${locale}-${javaScript ? 'js' : 'nojs'}`);
        // A confirmed candidate, through the site itself.
        await page.goto(`/${locale}/talent`);
        await fillSignUp(page, { ...goodAnswers, email });
        await page.getByRole('button', { name: t.TalentForm.submit }).click();
        await expect(page).toHaveURL(new RegExp(`/${locale}/talent/thanks$`));
        await page.goto(linkIn(await mailTo(email, new RegExp(t.Mail.confirmSignUp.subject)), `/${locale}/confirm`));
        await page.getByRole('button', { name: t.Confirm.button }).click();
        await expect(page).toHaveURL(new RegExp(`/${locale}/confirm/done$`));

        await page.goto(`/${locale}/my-data`);
        await axe(page, browser, javaScript);
        // A malformed address is refused with the typed value kept.
        await page.locator('#my-data-email').fill('ana@');
        await page.getByRole('button', { name: t.MyData.submit }).click();
        await expect(page.getByRole('alert').filter({ hasText: t.LinkRequest.errorSummary })).toContainText(t.TalentForm.errors.email.invalid);
        await expect(page.locator('#my-data-email')).toHaveValue('ana@');
        await axe(page, browser, javaScript, true);
        // An address nobody signed up with gets exactly the same answer, and no mail.
        const unknown = uniqueEmail('nobody');
        await page.locator('#my-data-email').fill(unknown);
        await page.getByRole('button', { name: t.MyData.submit }).click();
        await expect(page).toHaveURL(new RegExp(`/${locale}/my-data/sent$`));
        const unknownAnswer = await page.locator('main').innerText();
        await page.goto(`/${locale}/my-data`);
        await page.locator('#my-data-email').fill(email);
        await page.getByRole('button', { name: t.MyData.submit }).click();
        await expect(page).toHaveURL(new RegExp(`/${locale}/my-data/sent$`));
        expect(await page.locator('main').innerText()).toBe(unknownAnswer);
        await axe(page, browser, javaScript);

        const link = linkIn(await mailTo(email, new RegExp(t.Mail.myDataLink.subject)), `/${locale}/my-data/open`);
        await page.goto(link);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.MyData.openTitle);
        await axe(page, browser, javaScript);
        await page.getByRole('button', { name: t.MyData.openButton }).click();
        await expect(page).toHaveURL(new RegExp(`/${locale}/my-data/view$`));
        await expect(page.getByText(email).first()).toBeVisible();
        await axe(page, browser, javaScript);

        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: t.MyData.downloadJson }).click();
        const file = await download;
        const copy = JSON.parse(await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')));
        expect(copy.candidate.email).toBe(email);
        expect(copy.consents[0].notice.text).toContain('Invest Pacific');

        await page.locator('#u-phone').fill('318 555 0199');
        await page.getByRole('button', { name: t.MyData.updateButton }).click();
        await expect(page.getByText(t.MyData.done.updated)).toBeVisible();
        await axe(page, browser, javaScript, true);
        expect(await queryDb(`SELECT phone FROM candidates WHERE email = $1`, [email])).toEqual([{ phone: '+573185550199' }]);

        const partners = t.MyData.purposes['share-with-partners'];
        await page.getByRole('button', { name: t.MyData.revokeOne.replace('{purpose}', partners) }).click();
        await expect(page.getByText(t.MyData.done.revoked)).toBeVisible();
        await expect(page.getByRole('button', { name: t.MyData.revokeOne.replace('{purpose}', partners) })).toHaveCount(0);
        await axe(page, browser, javaScript);
        expect(await queryDb(`SELECT consent_purposes FROM candidates WHERE email = $1`, [email])).toEqual([
          { consent_purposes: ['training-offers', 'job-opportunities'] },
        ]);

        // Deleting asks for an explicit confirmation (a required box).
        await page.getByLabel(t.MyData.deleteConfirm).check();
        await page.getByRole('button', { name: t.MyData.deleteButton }).click();
        await expect(page).toHaveURL(new RegExp(`/${locale}/my-data/deleted$`));
        await axe(page, browser, javaScript);
        expect(await queryDb(`SELECT id FROM candidates WHERE email = $1`, [email])).toEqual([]);
        expect(await queryDb(`SELECT id FROM mail_outbox WHERE recipient = $1`, [unknown])).toEqual([]);
        // The session went with the data.
        await page.goto(`/${locale}/my-data/view`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.MyData.endedTitle);
        await axe(page, browser, javaScript);
        // The link cannot be used again.
        await page.goto(link);
        await expect(page.getByText(t.MyData.linkInvalid)).toBeVisible();
      });
    });
  }
}
