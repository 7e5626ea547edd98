// From raw counts to what the talent-pool page and its CSV publish. Pure, so tests/unit/talent-pool.test.ts can
// check every rule of docs/decisions/talent-pool-suppression.md without a database.
import { minCellSize, suppressCells, type Cell, type PublishedCell, type PublishedTable } from './suppression';

export interface PoolCounts {
  total: number;
  levels: Cell[];
  municipalities: Cell[];
  interests: Cell[];
  programs: Cell[];
  /** Keyed `2026-Q4`: the quarter (site time) the candidate first confirmed. */
  quarters: Cell[];
}

export const talentPoolTables = ['levels', 'municipalities', 'interests', 'programs', 'quarters'] as const;
export type TalentPoolTable = (typeof talentPoolTables)[number];

export interface TalentPool {
  /** When the figures were read (ISO 8601). */
  generatedAt: string;
  /** Null when fewer than `minCellSize` people are in the pool: then nothing else is published either. */
  total: number | null;
  levels: PublishedTable;
  /**
   * Only the municipalities shown; the others are one row, `others` (what the total minus the shown cells gives
   * anyway), so a list never tells that someone lives in a small municipality. 0 or at least `minCellSize`.
   */
  municipalities: PublishedTable & { others: number };
  interests: PublishedTable;
  programs: PublishedTable;
  /** Every quarter from the first to the last with a sign-up, empty quarters included. */
  quarters: PublishedTable;
}

const empty: PublishedTable = { cells: [], withheld: 0 };

export function buildTalentPool(counts: PoolCounts, generatedAt: string, k = minCellSize): TalentPool {
  if (counts.total < k) {
    return { generatedAt, total: null, levels: empty, municipalities: { ...empty, others: 0 }, interests: empty, programs: empty, quarters: empty };
  }
  const municipalities = suppressCells(counts.municipalities, k);
  const shown = municipalities.cells.filter((cell): cell is { key: string; count: number } => cell.count !== null);
  return {
    generatedAt,
    total: counts.total,
    levels: suppressCells(counts.levels, k),
    municipalities: {
      cells: shown.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
      withheld: municipalities.withheld,
      others: counts.total - shown.reduce((sum, cell) => sum + cell.count, 0),
    },
    interests: suppressCells(counts.interests, k),
    programs: suppressCells(counts.programs, k),
    quarters: suppressCells(everyQuarter(counts.quarters), k),
  };
}

/** The quarters from the first to the last of `cells`, in order, with 0 for those without sign-ups. */
export function everyQuarter(cells: readonly Cell[]): Cell[] {
  const parse = (key: string) => {
    const match = /^(\d{4})-Q([1-4])$/.exec(key);
    if (!match) throw new Error(`not a quarter: ${key}`);
    return Number(match[1]) * 4 + Number(match[2]) - 1;
  };
  if (cells.length === 0) return [];
  const counts = new Map(cells.map((cell) => [parse(cell.key), cell.count]));
  const first = Math.min(...counts.keys());
  const last = Math.max(...counts.keys());
  const out: Cell[] = [];
  for (let q = first; q <= last; q++) out.push({ key: `${Math.floor(q / 4)}-Q${(q % 4) + 1}`, count: counts.get(q) ?? 0 });
  return out;
}

/** Every number a published pool shows (the page and the CSV print nothing else). */
export function publishedNumbers(pool: TalentPool): number[] {
  if (pool.total === null) return [];
  const cells = (table: PublishedTable) => table.cells.flatMap((cell: PublishedCell) => (cell.count === null ? [] : [cell.count]));
  return [
    pool.total,
    ...cells(pool.levels),
    ...cells(pool.municipalities),
    ...(pool.municipalities.others > 0 ? [pool.municipalities.others] : []),
    ...cells(pool.interests),
    ...cells(pool.programs),
    ...cells(pool.quarters),
  ];
}
