import { expect, test } from '@playwright/test';
import { routing } from '@/lib/i18n/routing';
import en from '@/messages/en.json' with { type: 'json' };
import es from '@/messages/es.json' with { type: 'json' };

// The thank-you page shows only right after a sign-up (its short-lived cookie), says what happens next and
// suggests programs for the level given; opened on its own it sends the person to the form.
const messages = { en, es } as const;

for (const locale of routing.locales) {
  test(`the thank-you page in ${locale} is only for a fresh sign-up, and suggests programs for its level`, async ({ browser, request }) => {
    const direct = await request.get(`/${locale}/talent/thanks`, { maxRedirects: 0 });
    expect(direct.status()).toBe(303);
    expect(direct.headers().location).toBe(`/${locale}/talent`);
    // The per-level pages behind it are not addresses of their own.
    expect((await request.get(`/${locale}/talent/thanks/B1`, { maxRedirects: 0 })).status()).toBe(404);

    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const t = messages[locale];
    await page.goto(`/${locale}/talent`);
    await page.getByLabel(t.TalentForm.fullName.label).fill('Ana María Pérez');
    await page.getByLabel(t.TalentForm.email.label).fill(`thanks-${locale}-${Date.now()}@example.com`);
    await page.getByLabel(t.TalentForm.phone.label).fill('3001234567');
    await page.getByLabel(t.TalentForm.municipality.label).selectOption('76001');
    await page.getByLabel(t.TalentForm.birthYear.label).fill('1998');
    await page.getByRole('radio', { name: t.Options.englishLevel.A2.label }).check();
    await page.getByRole('checkbox', { name: t.Options.interest['contact-center'] }).check();
    await page.locator('#signup-adult').check();
    await page.locator('#signup-consent').check();
    await page.getByRole('button', { name: t.TalentForm.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/talent/thanks$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.TalentThanks.title);
    await expect(page.getByRole('heading', { level: 2, name: t.TalentThanks.nextHeading })).toBeVisible();
    await expect(page.getByText(t.TalentThanks.when)).toBeVisible();
    // A2: Hello Valle! and Cali Open to Work fit (the finder's own rule).
    const suggestions = page.getByTestId('thanks-suggestions');
    await expect(suggestions.getByRole('link', { name: t.Options.program['hello-valle'] })).toHaveAttribute('href', `/${locale}/programs/hello-valle`);
    // The cookie holds no personal data, and the URL none either.
    const cookie = (await context.cookies()).find((c) => c.name === 'bt_signed_up');
    expect(cookie?.value).toMatch(/^A2\.\d+\.[A-Za-z0-9_-]+$/);
    expect(cookie?.httpOnly).toBe(true);
    await context.close();
  });
}
