import 'server-only';
import { Prisma } from '@/lib/db/client';

// CSV/formula injection (OWASP "CSV Injection"): a spreadsheet opening a CSV runs a cell that begins with one of
// these characters as a formula. Prefixing a single quote makes it text. Only the CSV needs it: the workbook types
// its strings as text, which never run (xlsx.ts), and phone numbers are written in a form that begins with "("
// (phone.ts), so the quote is left only on what a person typed that begins like a formula. The rule is written
// once here and applied in JavaScript (the CSV's header, the tests' reference) and in SQL (the CSV's rows, COPY).
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
