import { expect, expectNoAxeViolations, test } from './talent-support';

const expected = {
  es: {
    title: 'Política de tratamiento de datos personales',
    version: 'Versión 2.0, vigente desde el 3 de diciembre de 2026.',
    deadlines: ['10 días hábiles', '5 días hábiles siguientes', '15 días hábiles', '8 días hábiles siguientes'],
    controller: 'Agencia de Promoción de Inversión de Cali y el Valle del Cauca',
  },
  en: {
    title: 'Privacy policy',
    version: 'Version 2.0, in force since December 3, 2026.',
    deadlines: ['10 business days', 'following 5 business days', '15 business days', 'following 8 business days'],
    controller: 'Agencia de Promoción de Inversión de Cali y el Valle del Cauca',
  },
} as const;

for (const locale of ['es', 'en'] as const) {
  test(`the privacy policy in ${locale} names the controller, rights, deadlines and the version consents record`, async ({ page }) => {
    const response = await page.goto(`/${locale}/privacy`);
    expect(response?.status()).toBe(200);
    const text = expected[locale];
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.title);
    await expect(page.getByText(text.version)).toBeVisible();
    await expect(page.getByRole('main')).toContainText(text.controller);
    await expect(page.getByRole('main').getByRole('link', { name: 'talentobilingue@investpacific.org' }).first()).toHaveAttribute(
      'href',
      'mailto:talentobilingue@investpacific.org',
    );
    for (const deadline of text.deadlines) await expect(page.getByRole('main')).toContainText(deadline);
    await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(3 + 8);
    await expectNoAxeViolations(page);
  });

  test(`the consent notice on the ${locale} form links to the policy`, async ({ page }) => {
    await page.goto(`/${locale}/talent`);
    await page.getByRole('link', { name: /2\.0/ }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/privacy$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected[locale].title);
  });
}
