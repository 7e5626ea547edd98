import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { routing, type Locale } from '@/lib/i18n/routing';
import { programs } from '@/lib/programs/data';
import en from '@/messages/en.json' with { type: 'json' };
import es from '@/messages/es.json' with { type: 'json' };
import { axeTags } from './support';

// The site as a resident of Cali sees it on a phone: 375 × 667, in both languages.
const messages = { en, es } as const;
const phone = { width: 375, height: 667 };
const name = (locale: Locale, slug: string) => messages[locale].Options.program[slug as keyof typeof en.Options.program];

/** Whether the element's box lies within the screen as it is scrolled now. */
async function onScreen(page: Page, selector: ReturnType<Page['locator']>) {
  const box = await selector.boundingBox();
  const height = page.viewportSize()!.height;
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function answerFinder(page: Page, locale: Locale) {
  const t = messages[locale].Finder.form;
  const form = page.getByRole('form', { name: t.label }).first();
  await form.getByLabel(t.level).selectOption('A2');
  await form.getByLabel(t.age).fill('25');
  await form.getByRole('radio', { name: t.goals.job }).check();
  await form.getByRole('button', { name: t.submit }).click();
}

for (const locale of routing.locales) {
  const t = messages[locale];

  test.describe(`on a phone, in ${locale}`, () => {
    test.use({ viewport: phone });

    test('the finder starts on the first screen of the home page, and "A2, 25 years old, get a job" lists the programs that fit', async ({
      page,
    }) => {
      const blocked: string[] = [];
      page.on('console', (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && blocked.push(m.text()));
      await page.goto(`/${locale}`);
      const heading = page.getByRole('heading', { name: t.Finder.heading });
      expect(await onScreen(page, heading)).toBe(true);
      expect(await onScreen(page, page.getByLabel(t.Finder.form.level))).toBe(true);

      await answerFinder(page, locale);
      await expect(page).toHaveURL(new RegExp(`/${locale}/for-you\\?level=A2&age=25&goal=job&pay=any$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.Finder.answer.title);
      const answers = page.locator('main ol > li h2');
      await expect(answers).toHaveText([name(locale, 'hello-valle'), name(locale, 'cali-open-to-work')]);
      // Each with its next step: news of the program through the sign-up with it ticked, and its own site.
      for (const slug of ['hello-valle', 'cali-open-to-work']) {
        const card = page.locator('main ol > li').filter({ has: page.getByRole('heading', { name: name(locale, slug) }) });
        await expect(card.getByRole('link', { name: t.ProgramPage.cta.news.replace('{name}', name(locale, slug)) })).toHaveAttribute(
          'href',
          `/${locale}/talent?program=${slug}`,
        );
        await expect(card.locator('a[rel~="noopener"][href^="https://"]')).toHaveCount(1);
        await expect(card).toContainText(t.ProgramPage.cohort.none);
      }
      await expect(page.locator('main')).toContainText(t.Finder.notes['contact-centers-from-b1']);
      await expectAxeClean(page);
      // Served as a prerendered page (its own script hashes, no per-request nonce), and its scripts ran.
      const response = await page.request.get(`/${locale}/for-you?level=A2&age=25&goal=job&pay=any`);
      expect(response.headers()['content-security-policy']).toContain("'sha256-");
      expect(blocked).toEqual([]);
    });

    test('an organization is shown the initiatives it can join, and a half-answered finder asks again', async ({ page }) => {
      await page.goto(`/${locale}`);
      const form = page.getByRole('form', { name: t.Finder.form.label });
      await form.getByRole('radio', { name: t.Finder.form.goals.organization }).check();
      await form.getByRole('button', { name: t.Finder.form.submit }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.Finder.answer.organizationTitle);
      await expect(page.locator('main ol > li h2')).toHaveText([name(locale, 'bilingualism-ambassadors'), name(locale, 'mesa-de-bilinguismo')]);

      await page.goto(`/${locale}/for-you?level=A2&goal=job&pay=any`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.Finder.answer.incompleteTitle);
      await expect(page.getByRole('form', { name: t.Finder.form.label })).toBeVisible();
    });

    for (const program of programs) {
      test(`${program.slug}: its own https link, and an action within reach on the first screen and while scrolling`, async ({ page }) => {
        await page.goto(`/${locale}/programs/${program.slug}`);
        const outbound = page.locator(`main a[href="${program.link.url}"]`).first();
        await expect(outbound).toHaveAttribute('rel', /\bnoopener\b/);
        expect(program.link.url.startsWith('https://')).toBe(true);

        const actionHref = program.for === 'people' ? `/${locale}/talent?program=${program.slug}` : `/${locale}/join`;
        const actions = page.locator(`main a[href="${actionHref}"]`);
        const anyOnScreen = async () => {
          for (const action of await actions.all()) if ((await action.isVisible()) && (await onScreen(page, action))) return true;
          return false;
        };
        expect(await anyOnScreen()).toBe(true);
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
        await expect.poll(anyOnScreen).toBe(true);
        if (program.for === 'people') await expect(page.locator('main')).toContainText(t.ProgramPage.cohort.none);
      });
    }

    test('every target in the header, menu and footer is at least 44 px high, and the header stays on screen', async ({ page }) => {
      await page.goto(`/${locale}/programs/hello-valle`);
      const small: string[] = [];
      for (const target of await page.locator('header a, nav a, footer a').all()) {
        if (!(await target.isVisible())) continue;
        const box = (await target.boundingBox())!;
        if (box.height < 44 || box.width < 44) small.push(`${await target.textContent()}: ${box.width}×${box.height}`);
      }
      expect(small).toEqual([]);
      const header = page.locator('header').first();
      const height = (await header.boundingBox())!.height;
      expect(height).toBeLessThanOrEqual(64);
      await page.evaluate(() => window.scrollTo(0, 1200));
      await expect.poll(async () => (await header.boundingBox())!.y).toBe(0);
    });

    test('no page scrolls sideways at 320 px, including the finder answers and the investors page', async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 640 });
      for (const url of [`/${locale}/for-you?level=B1&age=30&goal=job&pay=any`, `/${locale}/for-you?goal=organization`, `/${locale}/investors`]) {
        await page.goto(url);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), url).toBeLessThanOrEqual(0);
      }
    });
  });

  test(`the finder works without JavaScript in ${locale}`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: phone });
    const page = await context.newPage();
    await page.goto(`/${locale}`);
    await answerFinder(page, locale);
    await expect(page.locator('main ol > li h2')).toHaveText([name(locale, 'hello-valle'), name(locale, 'cali-open-to-work')]);
    await context.close();
  });

  test(`the 404 page in ${locale} has a title`, async ({ page }) => {
    const response = await page.goto(`/${locale}/no-such-page`);
    expect(response?.status()).toBe(404);
    await expect(page).toHaveTitle(new RegExp(t.NotFound.title));
  });

  test(`each page in ${locale} has an Open Graph image of its own, drawn at build time`, async ({ page, request }) => {
    const seen = new Set<string>();
    for (const path of ['', '/programs', '/programs/hello-valle', '/programs/mesa-de-bilinguismo', '/investors']) {
      await page.goto(`/${locale}${path}`);
      const image = await page.locator('meta[property="og:image"]').getAttribute('content');
      expect(image, path).toBeTruthy();
      const response = await request.get(new URL(image!).pathname + new URL(image!).search);
      expect(response.status(), path).toBe(200);
      expect(response.headers()['content-type']).toBe('image/png');
      seen.add(new URL(image!).pathname);
    }
    expect(seen.size).toBe(5);
  });
}

test('the focus ring stands out at least 3:1 on white and on the dark hero', async ({ page }) => {
  await page.goto('/es');
  // The first link of the page after the skip link: the home link in the white header.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { outline: style.outlineColor, width: style.outlineWidth, shadow: style.boxShadow };
  });
  const rgb = (css: string) => (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  const luminance = ([r, g, b]: number[]) =>
    [r!, g!, b!].map((c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
  const contrast = (a: number[], b: number[]) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };
  expect(ring.width).toBe('3px');
  const outer = rgb(ring.outline);
  const inner = rgb(ring.shadow);
  expect(contrast(outer, [255, 255, 255])).toBeGreaterThanOrEqual(3);
  // On the hero's dark teal (brand-800) the gold inner ring carries it.
  expect(contrast(inner, [6, 68, 62])).toBeGreaterThanOrEqual(3);
});
