import type { Page } from '@playwright/test';
import { queryDb } from './support';
import { expect, test, uniqueEmail, waitForEnhancedForm } from './talent-support';

/** Press Tab until the element with `id` has the focus (at most `limit` times). */
async function tabTo(page: Page, id: string, limit = 40) {
  for (let i = 0; i < limit; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

for (const locale of ['es', 'en'] as const) {
  test(`a person signs up in ${locale} with the keyboard alone, finding Cali by typing "cali"`, async ({ page }) => {
    const email = uniqueEmail(`keyboard-${locale}`);
    await page.goto(`/${locale}/talent`);
    await waitForEnhancedForm(page);

    await tabTo(page, 'signup-fullName');
    await page.keyboard.type('Camila Ortiz');
    await page.keyboard.press('Tab');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('300 123 4567');
    await page.keyboard.press('Tab');
    await expect(page.locator('#signup-municipality')).toBeFocused();
    await page.keyboard.type('cali');
    await expect(page.locator('#signup-municipality')).toHaveValue('76001');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1995');
    await page.keyboard.press('Tab');
    await expect(page.locator('#signup-adult')).toBeFocused();
    await page.keyboard.press('Space');
    // The level is a radio group: Tab enters it, Space picks the first level, the arrows move the choice.
    await page.keyboard.press('Tab');
    await expect(page.locator('#signup-englishLevel-A1')).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#signup-englishLevel-B1')).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.locator('#signup-interests-contact-center')).toBeFocused();
    await page.keyboard.press('Space');
    await tabTo(page, 'signup-programs-hello-valle');
    await page.keyboard.press('Space');
    await tabTo(page, 'signup-consent');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(page.locator('form button[type="submit"]')).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(new RegExp(`/${locale}/talent/thanks$`));
    const rows = await queryDb<{ municipality: string; english_level: string; interests: string[]; programs: string[] }>(
      'SELECT municipality, english_level, interests, programs FROM candidates WHERE email = $1',
      [email],
    );
    expect(rows).toEqual([{ municipality: '76001', english_level: 'B1', interests: ['contact-center'], programs: ['hello-valle'] }]);
  });
}

for (const locale of ['es', 'en'] as const) {
  test(`without JavaScript in ${locale}, the form sent back with errors says so in its title and puts the focus on the summary`, async ({
    browser,
  }, testInfo) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      extraHTTPHeaders: { 'X-Forwarded-For': `10.250.${locale === 'es' ? 1 : 2}.${testInfo.repeatEachIndex + 10}` },
    });
    const page = await context.newPage();
    await page.goto(`/${locale}/talent`);
    await page.locator('#signup-fullName').fill('Camila Ortiz');
    await page.locator('form button[type="submit"]').click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/talent/submit$`));
    await expect(page).toHaveTitle(locale === 'es' ? /^No se envió: \d+ respuestas necesitan tu atención/ : /^Not sent: \d+ answers need your attention/);
    const summary = page.getByRole('group').filter({ has: page.locator('#signup-summary') });
    await expect(summary).toBeFocused();
    await expect(summary).toHaveAccessibleName(/\d+/);
    await context.close();
  });
}
