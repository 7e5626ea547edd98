import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { formatNumber } from '@/lib/format';
import { municipalityLabel, outsideValle } from '@/lib/municipalities';
import { talentPoolTables, type TalentPool, type TalentPoolTable } from './pool';

export interface PoolRow {
  key: string;
  label: string;
  count: number | null;
  /** The count as printed, or the words for a withheld cell. */
  text: string;
}

/** Each published table's rows with their labels in `locale`: what the page's charts and tables, and the CSV, show. */
export async function talentPoolRows(locale: Locale, pool: TalentPool | null): Promise<Record<TalentPoolTable, PoolRow[]>> {
  const t = await getTranslations({ locale, namespace: 'TalentPool' });
  const o = await getTranslations({ locale, namespace: 'Options' });
  const empty = Object.fromEntries(talentPoolTables.map((table) => [table, []])) as unknown as Record<TalentPoolTable, PoolRow[]>;
  if (!pool || pool.total === null) return empty;
  const row = (key: string, label: string, count: number | null): PoolRow => ({
    key,
    label,
    count,
    text: count === null ? t('withheld') : formatNumber(locale, count),
  });
  const quarter = (key: string) => {
    const [year, q] = key.split('-Q');
    return t('quarter', { quarter: q!, year: year! });
  };
  const municipality = (code: string) => (code === outsideValle ? o('municipalityOther') : (municipalityLabel(code) ?? code));
  return {
    levels: pool.levels.cells.map((c) => row(c.key, o(`englishLevel.${c.key as 'A1'}.label`), c.count)),
    municipalities: [
      ...pool.municipalities.cells.map((c) => row(c.key, municipality(c.key), c.count)),
      ...(pool.municipalities.others > 0 ? [row('others', t('others'), pool.municipalities.others)] : []),
    ],
    interests: pool.interests.cells.map((c) => row(c.key, o(`interest.${c.key as 'technology'}`), c.count)),
    programs: pool.programs.cells.map((c) => row(c.key, o(`program.${c.key as 'hello-valle'}`), c.count)),
    quarters: pool.quarters.cells.map((c) => row(c.key, quarter(c.key), c.count)),
  };
}

/** The CSV of the published figures, in `locale`: the same rows as the page, a code and a label per row. */
export async function talentPoolCsv(locale: Locale, pool: TalentPool | null): Promise<string> {
  const t = await getTranslations({ locale, namespace: 'TalentPool' });
  const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;
  const lines = [['table', 'code', 'label', 'people', 'shown'].map(quoted).join(',')];
  if (pool && pool.total !== null) {
    lines.push([quoted('total'), quoted(''), quoted(t('totalLabel')), String(pool.total), quoted('yes')].join(','));
    const rows = await talentPoolRows(locale, pool);
    for (const table of talentPoolTables) {
      for (const row of rows[table]) {
        lines.push([quoted(table), quoted(row.key), quoted(row.label), row.count === null ? '' : String(row.count), quoted(row.count === null ? 'no' : 'yes')].join(','));
      }
    }
  }
  if (pool) lines.push([quoted('generated_at'), quoted(''), quoted(pool.generatedAt), '', quoted('yes')].join(','));
  // A byte-order mark, so that Excel reads the accents (Tuluá) as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
