import 'server-only';
import { Prisma } from '@/lib/db/client';

// CSV/formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that begins with one of these
// characters as a formula. Prefixing a single quote makes it text; the value still reads the same to a
// person ('+57 300 123 4567 is plainly a phone number) and nothing else is changed. The rule is written once
// here and applied in JavaScript (the workbook, the CSV's header) and in SQL (the CSV's rows, COPY).
const formulaTriggers = ['=', '+', '-', '@', '\t', '\r'] as const;
const prefix = "'";
const triggers = new Set<string>(formulaTriggers);

export function neutralizeCell(value: string): string {
  return value.length > 0 && triggers.has(value[0]!) ? `${prefix}${value}` : value;
}

/** The same rule over a text expression in SQL. */
export function neutralizedSql(expression: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE WHEN left(${expression}, 1) IN (${Prisma.join([...formulaTriggers])}) THEN ${prefix} || ${expression} ELSE ${expression} END`;
}
