// Statistical disclosure control for the public talent-pool page (docs/decisions/talent-pool-suppression.md).
// Pure functions: tests/unit/talent-pool-suppression.test.ts proves that no published figure, nor any sum or
// difference of published figures, gives a group of fewer than `minCellSize` people.

/** No published figure counts fewer people than this. */
export const minCellSize = 10;

export interface Cell {
  key: string;
  count: number;
}

/** A published cell: its count, or null when withheld (never saying whether it was small or withheld to protect another). */
export interface PublishedCell {
  key: string;
  count: number | null;
}

export interface PublishedTable {
  cells: PublishedCell[];
  /** How many cells were withheld; the page says so in words. */
  withheld: number;
}

/**
 * Cells under `k` are withheld (primary suppression). Where a table's cells split the published total (each person
 * in exactly one cell: English level, municipality, quarter joined), the withheld cells' sum is known to anyone (the
 * total minus the shown cells); where they overlap (several interests or programs per person) it is bounded by the
 * same difference. So while that sum is between 1 and k − 1, or a single non-empty cell is withheld, the smallest
 * shown cell is withheld too (complementary suppression): the withheld cells together hold k people or more, or
 * none at all, and no withheld cell can be worked out from the others and the total.
 */
export function suppressCells(cells: readonly Cell[], k = minCellSize): PublishedTable {
  const withheld = new Set(cells.filter((cell) => cell.count < k).map((cell) => cell.key));
  const shownAscending = () =>
    cells.filter((cell) => !withheld.has(cell.key)).sort((a, b) => a.count - b.count || a.key.localeCompare(b.key));
  const withheldSum = () => cells.filter((cell) => withheld.has(cell.key)).reduce((sum, cell) => sum + cell.count, 0);
  for (;;) {
    const sum = withheldSum();
    const exposed = sum > 0 && (sum < k || withheld.size === 1);
    const next = shownAscending()[0];
    if (!exposed || !next) break;
    withheld.add(next.key);
  }
  return publish(cells, withheld);
}

function publish(cells: readonly Cell[], withheld: ReadonlySet<string>): PublishedTable {
  return {
    cells: cells.map((cell) => ({ key: cell.key, count: withheld.has(cell.key) ? null : cell.count })),
    withheld: withheld.size,
  };
}
