import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { minCellSize, suppressCells, type Cell } from '@/lib/talent-pool/suppression';
import { buildTalentPool, everyQuarter, publishedNumbers, type PoolCounts } from '@/lib/talent-pool/pool';

const cells = (counts: number[]): Cell[] => counts.map((count, i) => ({ key: `k${i}`, count }));
const withheldSum = (input: Cell[], published: ReturnType<typeof suppressCells>) =>
  published.cells.reduce((sum, cell, i) => sum + (cell.count === null ? input[i]!.count : 0), 0);

describe('talent-pool suppression', () => {
  it('withholds every cell under 10 and nothing else when the withheld cells together hold 10 or more', () => {
    const input = cells([120, 4, 7, 33]);
    const out = suppressCells(input);
    expect(out.cells.map((c) => c.count)).toEqual([120, null, null, 33]);
    expect(out.withheld).toBe(2);
  });

  it('withholds the smallest shown cell too when a lone small cell could be worked out from the total', () => {
    const out = suppressCells(cells([50, 9, 12, 30]));
    expect(out.cells.map((c) => c.count)).toEqual([50, null, null, 30]);
  });

  it('keeps withholding until the withheld cells together hold 10 or more', () => {
    // 3 + 2 = 5 < 10: the smallest shown (10) joins them.
    const out = suppressCells(cells([3, 2, 10, 40, 11]));
    expect(out.cells.map((c) => c.count)).toEqual([null, null, null, 40, 11]);
  });

  it('leaves empty cells withheld without pulling others in (nobody to single out)', () => {
    const out = suppressCells(cells([0, 25, 0, 14]));
    expect(out.cells.map((c) => c.count)).toEqual([null, 25, null, 14]);
  });

  it('for any table: no shown count under 10, and the withheld cells hold none or at least 10 people, never in a single non-empty cell', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 60 }), { minLength: 1, maxLength: 12 }), (counts) => {
        const input = cells(counts);
        const out = suppressCells(input);
        for (const cell of out.cells) if (cell.count !== null) expect(cell.count).toBeGreaterThanOrEqual(minCellSize);
        const sum = withheldSum(input, out);
        const total = counts.reduce((a, b) => a + b, 0);
        // Everything withheld can happen only when the table itself is small: the page then publishes no total.
        if (sum > 0 && sum < minCellSize) expect(total).toBeLessThan(minCellSize);
        const nonEmptyWithheld = out.cells.filter((c, i) => c.count === null && input[i]!.count > 0).length;
        if (total >= minCellSize && sum > 0) expect(out.cells.filter((c) => c.count === null).length).toBeGreaterThan(1);
        expect(nonEmptyWithheld).toBeLessThanOrEqual(out.withheld);
      }),
    );
  });
});

const counts = (over: Partial<PoolCounts> = {}): PoolCounts => ({
  total: 64,
  levels: cells([0, 9, 20, 25, 10, 0]).map((c, i) => ({ ...c, key: ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'][i]! })),
  municipalities: [
    { key: '76001', count: 40 },
    { key: '76520', count: 15 },
    { key: '76109', count: 9 },
  ],
  interests: [
    { key: 'contact-center', count: 50 },
    { key: 'software-development', count: 3 },
    { key: 'technology', count: 30 },
  ],
  programs: [
    { key: 'hello-valle', count: 12 },
    { key: 'cali-open-to-work', count: 0 },
  ],
  quarters: [
    { key: '2026-Q2', count: 30 },
    { key: '2026-Q4', count: 34 },
  ],
  ...over,
});

describe('the published talent pool', () => {
  it('publishes nothing but the fact that it is small while fewer than 10 people are in it', () => {
    const pool = buildTalentPool(counts({ total: 9 }), '2026-12-02T00:00:00.000Z');
    expect(pool.total).toBeNull();
    expect(publishedNumbers(pool)).toEqual([]);
  });

  it('shows no number under 10 anywhere', () => {
    const pool = buildTalentPool(counts(), '2026-12-02T00:00:00.000Z');
    const numbers = publishedNumbers(pool);
    expect(numbers.length).toBeGreaterThan(5);
    expect(numbers.filter((n) => n < minCellSize)).toEqual([]);
  });

  it('counts the municipalities under 10 together, and then no fewer than 10 people', () => {
    const pool = buildTalentPool(counts(), '2026-12-02T00:00:00.000Z');
    // 9 in Buenaventura alone would be a small group: the smallest shown municipality joins it (9 + 15 = 24).
    expect(pool.municipalities.cells).toEqual([{ key: '76001', count: 40 }]);
    expect(pool.municipalities.others).toBe(24);
    expect(pool.municipalities.cells.some((c) => c.key === '76109')).toBe(false);
  });

  it('lists every quarter from the first sign-up to the last, the empty ones withheld', () => {
    expect(everyQuarter([{ key: '2025-Q4', count: 3 }, { key: '2026-Q2', count: 5 }]).map((c) => c.key)).toEqual([
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
    ]);
    const pool = buildTalentPool(counts(), '2026-12-02T00:00:00.000Z');
    expect(pool.quarters.cells.map((c) => c.key)).toEqual(['2026-Q2', '2026-Q3', '2026-Q4']);
    expect(pool.quarters.cells[1]!.count).toBeNull();
  });
});
