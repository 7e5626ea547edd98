import 'server-only';
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/min';
import { Prisma } from '@/lib/db/client';
import { neutralizedSql } from './neutralize';

// A phone number as both exports write it: the country code in parentheses, then the number, e.g.
// (+57) 310 987 6543. A person reads and dials it (phones ignore the brackets and spaces), and no spreadsheet
// reads it as a formula or a number: a cell that begins with "(" is text unless the whole cell is a number in
// brackets, and a leading "+" — E.164 as stored — is what Excel and LibreOffice take as the start of a formula
// (hence the stray apostrophe the OWASP rule used to add). docs/decisions/phone-in-exports.md.
// The rule is written once in JavaScript (the workbook, the reference for tests) and once in SQL (the CSV's COPY).

// Calling codes are prefix-free (ITU E.164), so an alternation finds the one a number begins with.
const callingCodes = [...new Set(getCountries().map((country) => getCountryCallingCode(country)))].sort(
  (a, b) => b.length - a.length || a.localeCompare(b),
);
const codePattern = `^\\+(${callingCodes.join('|')})([0-9]+)$`;
const colombianMobile = /^\+57(3[0-9]{2})([0-9]{3})([0-9]{4})$/;
const international = new RegExp(codePattern);

/** The phone as exported; a value that is not a number in E.164 stays as it is (the CSV writer neutralizes it). */
export function exportPhone(stored: string): string {
  const colombian = colombianMobile.exec(stored);
  if (colombian) return `(+57) ${colombian[1]} ${colombian[2]} ${colombian[3]}`;
  const other = international.exec(stored);
  if (other) return `(+${other[1]}) ${other[2]}`;
  return stored;
}

/** The same rule over a text column in SQL, neutralized as the CSV needs. */
export function exportPhoneSql(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN ${column} ~ ${colombianMobile.source}
      THEN '(+57) ' || substr(${column}, 4, 3) || ' ' || substr(${column}, 7, 3) || ' ' || substr(${column}, 10, 4)
    WHEN ${column} ~ ${codePattern} THEN regexp_replace(${column}, ${codePattern}, ${String.raw`(+\1) \2`})
    ELSE ${neutralizedSql(column)} END`;
}
