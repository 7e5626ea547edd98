import { expect, test } from '@playwright/test';

test.describe('locale routing', () => {
  test('/ redirects to Spanish by default', async ({ request }) => {
    const response = await request.get('/', { maxRedirects: 0, headers: { 'Accept-Language': '' } });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toMatch(/\/es$/);
  });

  test('/ redirects to English for an English-speaking browser', async ({ request }) => {
    const response = await request.get('/', { maxRedirects: 0, headers: { 'Accept-Language': 'en-US,en;q=0.9' } });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toMatch(/\/en$/);
  });

  test('/ remembers the language the visitor last read', async ({ page }) => {
    await page.goto('/en');
    const response = await page.request.get('/', { maxRedirects: 0, headers: { 'Accept-Language': 'es-CO,es' } });
    expect(response.headers().location).toMatch(/\/en$/);
  });

  for (const [locale, heading] of [
    ['es', 'Página no encontrada'],
    ['en', 'Page not found'],
  ] as const) {
    test(`an unknown page under /${locale} is a 404 in that language`, async ({ page }) => {
      const response = await page.goto(`/${locale}/no-such-page`);
      expect(response?.status()).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    });
  }
});

for (const [browserLocale, locale, heading] of [
  ['es-CO', 'es', 'Página no encontrada'],
  ['en-GB', 'en', 'Page not found'],
] as const) {
  test.describe(`a browser set to ${browserLocale}`, () => {
    test.use({ locale: browserLocale });

    test('gets a 404 in its language for an unknown locale', async ({ page }) => {
      const response = await page.goto('/fr/programs');
      expect(response?.status()).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    });
  });
}
