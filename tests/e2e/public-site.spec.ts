import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { routing, type Locale } from '@/lib/i18n/routing';
import { publicPaths } from '@/lib/public-pages';
import { axeTags } from './support';
import en from '@/messages/en.json' with { type: 'json' };
import es from '@/messages/es.json' with { type: 'json' };

const messages = { en, es } as const;
const other = (locale: Locale): Locale => (locale === 'es' ? 'en' : 'es');
const urlOf = (locale: Locale, path: string) => `/${locale}${path === '/' ? '' : path}`;
const pages = routing.locales.flatMap((locale) => publicPaths.map((path) => ({ locale, path, url: urlOf(locale, path) })));

/** Opens a page and records every request it makes, so a test can check where they went. */
async function open(page: Page, url: string) {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  const response = await page.goto(url);
  return { response, requested };
}

// One test per page and language, on one page load, because Chromium's page loads are what this suite
// spends its time on: status and language, landmarks and metadata, origins, axe, keyboard, 320 px, and the
// language switcher's round trip.
test.describe('every public page', () => {
  for (const { locale, path, url } of pages) {
    test(`${url}: 200 in its language, own metadata, same-origin only, axe-clean, keyboard and 320 px friendly, switcher round-trips`, async ({
      page,
      baseURL,
    }) => {
      const { response, requested } = await open(page, url);
      expect(response?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('main#main')).toHaveCount(1);

      const head = page.locator('head');
      await expect(head.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${url}$`));
      for (const [lang, target] of [
        [locale, url],
        [other(locale), urlOf(other(locale), path)],
        ['x-default', urlOf(routing.defaultLocale, path)],
      ]) {
        await expect(head.locator(`link[rel="alternate"][hreflang="${lang}"]`)).toHaveAttribute(
          'href',
          new RegExp(`${target}$`),
        );
      }
      await expect(head.locator('meta[property="og:title"]')).toHaveAttribute('content', await page.title());
      await expect(head.locator('meta[name="description"]')).toHaveAttribute('content', /.{40,}/);
      await expect(head.locator('link[rel="icon"]')).toHaveAttribute('href', /icon\.svg/);

      const origin = new URL(baseURL!).origin;
      expect(requested.filter((r) => !r.startsWith(`${origin}/`) && !r.startsWith('data:'))).toEqual([]);

      // axe: WCAG 2.2 A and AA, best practices and the experimental rules (label in name, focus order, …).
      const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
        [],
      );

      // The first Tab reaches the skip link, visibly focused, and it moves focus to the main content.
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: messages[locale].Layout.skipToContent });
      await expect(skip).toBeFocused();
      await expect(skip).toBeVisible();
      expect(await skip.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
      await page.keyboard.press('Enter');
      await expect(page.locator('main#main')).toBeFocused();

      // A 320 px wide screen needs no horizontal scrolling.
      await page.setViewportSize({ width: 320, height: 640 });
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
        .toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 1280, height: 720 });

      // The switcher leads to the same page in the other language, and back.
      await page.getByRole('navigation', { name: messages[locale].LocaleSwitcher.label }).getByRole('link').click();
      await expect(page).toHaveURL(new RegExp(`${urlOf(other(locale), path)}$`));
      await expect(page.locator('html')).toHaveAttribute('lang', other(locale));
      await page.getByRole('navigation', { name: messages[other(locale)].LocaleSwitcher.label }).getByRole('link').click();
      await expect(page).toHaveURL(new RegExp(`${url}$`));
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
    });
  }

  for (const locale of routing.locales) {
    test(`pages in ${locale} each have a title and description of their own`, async ({ request }) => {
      const seen = { titles: new Set<string>(), descriptions: new Set<string>() };
      for (const path of publicPaths) {
        const html = await (await request.get(urlOf(locale, path))).text();
        seen.titles.add(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '');
        seen.descriptions.add(/<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '');
      }
      expect(seen.titles.size).toBe(publicPaths.length);
      expect(seen.descriptions.size).toBe(publicPaths.length);
      expect([...seen.titles].every(Boolean) && [...seen.descriptions].every(Boolean)).toBe(true);
    });
  }
});

test.describe('calls to action', () => {
  for (const locale of routing.locales) {
    test(`Hello Valle!'s sign-up in ${locale} opens the talent form with the program preselected`, async ({ page }) => {
      await page.goto(urlOf(locale, '/programs/hello-valle'));
      const news = messages[locale].ProgramPage.cta.news.replace('{name}', 'Hello Valle!');
      const signUp = page.getByRole('link', { name: news, exact: true }).first();
      await expect(signUp).toHaveAttribute('href', `/${locale}/talent?program=hello-valle`);
    });

    test(`keyboard alone reaches Hello Valle!'s sign-up in ${locale}`, async ({ page }) => {
      await page.goto(urlOf(locale, '/programs/hello-valle'));
      const target = `/${locale}/talent?program=hello-valle`;
      let href: string | null = null;
      for (let i = 0; i < 40 && href !== target; i++) {
        await page.keyboard.press('Tab');
        href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);
      }
      expect(href).toBe(target);
    });

    test(`the home page in ${locale} leads residents to the finder and the programs, and investors to the figures`, async ({
      page,
    }) => {
      await page.goto(urlOf(locale, '/'));
      const main = page.locator('main');
      await expect(main.getByRole('heading', { name: messages[locale].Finder.heading })).toBeVisible();
      await expect(main.locator(`form[action="/${locale}/for-you"][method="get"]`)).toHaveCount(1);
      for (const slug of ['hello-valle', 'english-for-contact-centers', 'cali-open-to-work']) {
        await expect(main.locator(`section[aria-labelledby="for-people"] a[href="/${locale}/programs/${slug}"]`)).toHaveCount(1);
      }
      for (const slug of ['bilingualism-ambassadors', 'mesa-de-bilinguismo']) {
        await expect(main.locator(`section[aria-labelledby="for-organizations"] a[href="/${locale}/programs/${slug}"]`)).toHaveCount(1);
      }
      await expect(main.getByRole('link', { name: messages[locale].Home.investors.link })).toHaveAttribute('href', `/${locale}/investors`);
      // The regional figures moved to the investors' page.
      await expect(main).not.toContainText('TaskUs');
    });

    test(`the investors' page in ${locale} shows each regional figure with its year and source, and past forecasts as history`, async ({
      page,
    }) => {
      await page.goto(urlOf(locale, '/investors'));
      const main = page.locator('main');
      await expect(main).toContainText(locale === 'es' ? '8.000' : '8,000');
      await expect(main).toContainText(locale === 'es' ? 'proyectaba para 2023' : 'Invest Pacific forecast for 2023');
      await expect(main).toContainText(locale === 'es' ? '353,4' : '353.4');
      await expect(main).toContainText('2021');
      for (const employer of ['TaskUs', 'Alorica', 'Globant', 'TSO Mobile', 'Moove it', 'Foundever', 'Encora']) {
        await expect(main.getByText(employer, { exact: true })).toBeVisible();
      }
      // Every figure is a term and value of a description list, each with its source and year.
      const figures = main.locator('dl > div');
      await expect(figures).toHaveCount(9);
      for (const figure of await figures.all()) {
        await expect(figure.locator('dt')).toContainText(/20\d\d/);
        await expect(figure.locator('dd').last()).toContainText(new RegExp(`${messages[locale].Facts.sourceLabel}.*, 20\\d\\d`));
      }
      await expect(main).toContainText(messages[locale].Facts.reviewed);
    });
  }
});

test.describe('files for search engines and browsers', () => {
  test('sitemap.xml lists every public page in both languages, each with its alternates', async ({ request }) => {
    const response = await request.get('/sitemap.xml');
    expect(response.status()).toBe(200);
    const xml = await response.text();
    const entries = [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map(([, body]) => ({
      loc: new URL(/<loc>(.*?)<\/loc>/.exec(body!)![1]!).pathname,
      alternates: Object.fromEntries(
        [...body!.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map(([, lang, href]) => [lang, new URL(href!).pathname]),
      ),
    }));
    // Besides the pages, each published opportunity (other specs publish some): with its alternates too.
    const opportunity = /^\/(?:es|en)\/opportunities\/(?!filter\/)[a-z0-9-]+$/;
    expect(entries.map((e) => e.loc).filter((loc) => !opportunity.test(loc)).sort()).toEqual(pages.map((p) => p.url).sort());
    for (const entry of entries.filter((e) => opportunity.test(e.loc))) {
      const path = entry.loc.slice(3);
      expect(entry.alternates).toEqual({ es: urlOf('es', path), en: urlOf('en', path), 'x-default': urlOf(routing.defaultLocale, path) });
    }
    for (const { path, url } of pages) {
      expect(entries.find((e) => e.loc === url)?.alternates).toEqual({
        es: urlOf('es', path),
        en: urlOf('en', path),
        'x-default': urlOf(routing.defaultLocale, path),
      });
    }
  });

  test('robots.txt keeps crawlers out of staff pages and the API and points at the sitemap', async ({ request }) => {
    const body = await (await request.get('/robots.txt')).text();
    for (const rule of ['Disallow: /es/staff', 'Disallow: /en/staff', 'Disallow: /api/']) expect(body).toContain(rule);
    expect(body).toMatch(/Sitemap: .*\/sitemap\.xml/);
  });

  test('the favicon is served from the site itself', async ({ request }) => {
    const response = await request.get('/icon.svg');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('image/svg+xml');
  });
});
