import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { routing } from '@/lib/i18n/routing';
import { buildTalentPool, talentPoolTables, type PoolCounts, type TalentPool } from '@/lib/talent-pool/pool';
import { minCellSize } from '@/lib/talent-pool/suppression';
import { englishLevels, interestOptions, programOptions } from '@/lib/candidates/options';
import { axeTags, e2eState, queryDb } from './support';

// The talent pool as an investor sees it on a phone: live figures from the database, never a group under 10.
const phone = { width: 375, height: 667 };
// Dagua: nobody else signs up from there in the e2e run.
const smallMunicipality = '76233';

/** What the page must show, computed from the database with the same rules. */
async function expectedPool(): Promise<TalentPool> {
  const rows = await queryDb<{ dimension: string; key: string; count: number }>(`
    WITH pool AS (
      SELECT english_level::text AS level, municipality, interests, programs,
             to_char(date_trunc('quarter', coalesce(confirmed_at, created_at) AT TIME ZONE 'America/Bogota'), 'YYYY-"Q"Q') AS quarter
        FROM candidates WHERE status = 'active')
    SELECT 'total' AS dimension, '' AS key, count(*)::int AS count FROM pool
    UNION ALL SELECT 'level', level, count(*)::int FROM pool GROUP BY level
    UNION ALL SELECT 'municipality', municipality, count(*)::int FROM pool GROUP BY municipality
    UNION ALL SELECT 'interest', i, count(*)::int FROM pool, unnest(interests) i GROUP BY i
    UNION ALL SELECT 'program', p, count(*)::int FROM pool, unnest(programs) p GROUP BY p
    UNION ALL SELECT 'quarter', quarter, count(*)::int FROM pool GROUP BY quarter`);
  const of = (d: string) => new Map(rows.filter((r) => r.dimension === d).map((r) => [r.key, r.count]));
  const all = (d: string, keys: readonly string[]) => keys.map((key) => ({ key, count: of(d).get(key) ?? 0 }));
  const counts: PoolCounts = {
    total: of('total').get('') ?? 0,
    levels: all('level', englishLevels),
    interests: all('interest', interestOptions),
    programs: all('program', programOptions),
    municipalities: [...of('municipality')].map(([key, count]) => ({ key, count })),
    quarters: [...of('quarter')].map(([key, count]) => ({ key, count })),
  };
  return buildTalentPool(counts, new Date().toISOString());
}

/** Each table's rows as the page shows them: key → the number printed, or null for "not shown". */
async function shownTables(page: Page) {
  const tables: Record<string, Record<string, number | null>> = {};
  for (const table of talentPoolTables) {
    const rows = page.getByTestId(`talent-pool-${table}`).locator('tbody tr');
    tables[table] = {};
    for (const row of await rows.all()) {
      const text = (await row.locator('td').textContent())!.trim();
      tables[table][(await row.getAttribute('data-key'))!] = /^[\d.,]+$/.test(text) ? Number(text.replace(/[.,]/g, '')) : null;
    }
  }
  return tables;
}

function tablesOf(pool: TalentPool) {
  const rows = (cells: { key: string; count: number | null }[]) => Object.fromEntries(cells.map((c) => [c.key, c.count]));
  return {
    levels: rows(pool.levels.cells),
    municipalities: { ...rows(pool.municipalities.cells), ...(pool.municipalities.others > 0 ? { others: pool.municipalities.others } : {}) },
    interests: rows(pool.interests.cells),
    programs: rows(pool.programs.cells),
    quarters: rows(pool.quarters.cells),
  };
}

async function regenerate(page: Page) {
  const response = await page.request.post('/api/talent-pool/revalidate', { headers: { authorization: `Bearer ${e2eState().talentPoolToken}` } });
  expect(response.status()).toBe(204);
}

test.beforeAll(async () => {
  // 9 confirmed candidates in one municipality, 31 elsewhere: the first group must never show; the whole pool does.
  await queryDb(`
    INSERT INTO candidates (email, full_name, phone, municipality, birth_year, english_level, interests, programs, locale,
                            status, consent_purposes, confirmed_at)
    SELECT 'pool-' || g || '@example.com', 'Pool Person ' || g, '+573001234567',
           CASE WHEN g <= 9 THEN '${smallMunicipality}' WHEN g <= 30 THEN '76001' ELSE '76520' END, 1995,
           (ARRAY['A2','B1','B2','C1'])[1 + g % 4]::english_level, ARRAY['contact-center'], ARRAY['hello-valle'], 'es',
           'active', ARRAY['contact'], now()
      FROM generate_series(1, 40) g
    ON CONFLICT (email) DO NOTHING`);
});

test('the talent-pool API refuses to regenerate without the token', async ({ request }) => {
  expect((await request.post('/api/talent-pool/revalidate')).status()).toBe(401);
  expect((await request.post('/api/talent-pool/revalidate', { headers: { authorization: 'Bearer nope' } })).status()).toBe(401);
});

for (const locale of routing.locales) {
  test.describe(`the talent pool in ${locale}, on a phone`, () => {
    test.use({ viewport: phone });

    test('shows no number under 10, matches the database for the rest, and is served static', async ({ page }) => {
      await regenerate(page);
      // Regenerated in the background on the next visit: ask until the page shows what the database holds now
      // (other specs confirm candidates meanwhile).
      await expect(async () => {
        await page.goto(`/${locale}/talent-pool`);
        const expected = await expectedPool();
        expect(expected.total).not.toBeNull();
        expect(await page.getByTestId('talent-pool-total').textContent()).toBe(String(expected.total));
        expect(await shownTables(page)).toEqual(tablesOf(expected));
      }).toPass({ timeout: 30_000, intervals: [500, 1000, 2000] });

      // The 9 in one municipality appear nowhere on their own, and no figure printed is under 10.
      const tables = await shownTables(page);
      expect(Object.keys(tables.municipalities!)).not.toContain(smallMunicipality);
      const numbers = Object.values(tables).flatMap((t) => Object.values(t)).filter((n): n is number => n !== null);
      expect(numbers.length).toBeGreaterThan(3);
      expect(numbers.filter((n) => n < minCellSize)).toEqual([]);
      const chartNumbers = (await page.locator('main svg text').allTextContents()).filter((t) => /^\d+$/.test(t)).map(Number);
      expect(chartNumbers.filter((n) => n < minCellSize)).toEqual([]);

      // Served from Next's cache, not rendered for this request. The other language's test regenerates the page
      // (the revalidation covers both languages), so the first request after that renders it again (MISS): asked
      // again until the cache answers, which a dynamic page never does (it carries no x-nextjs-cache at all).
      await expect(async () => {
        const response = await page.request.get(`/${locale}/talent-pool`);
        expect(response.headers()['x-nextjs-cache']).toMatch(/^(HIT|STALE)$/);
      }).toPass({ timeout: 10_000, intervals: [250, 500, 1000] });

      // The CSV, regenerated with the page: the same figures, none under 10.
      let csv = '';
      const counts = () =>
        csv
          .split('\r\n')
          .slice(1)
          .map((line) => line.split(',').at(-2))
          .filter((value): value is string => !!value && /^\d+$/.test(value))
          .map(Number);
      await expect(async () => {
        csv = await (await page.request.get(`/${locale}/talent-pool/aggregates.csv`)).text();
        expect(counts().length).toBeGreaterThan(3);
      }).toPass({ timeout: 30_000, intervals: [500, 1000, 2000] });
      expect(counts().filter((n) => n < minCellSize)).toEqual([]);
      expect(csv).toContain(`"total","",`);
      expect(csv).not.toContain(`"municipalities","${smallMunicipality}"`);

      const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      // No horizontal scroll on the phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    });
  });
}
