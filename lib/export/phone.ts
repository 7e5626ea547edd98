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
const international = new RegExp(codePattern);

// A Colombian mobile: +573 and 13 characters. Checking the characters' kind too cost a third of the CSV's time
// per row in SQL (translate or a regex), and is not needed for safety: whatever the other characters, the cell
// begins with "(". Every stored number comes from toE164 (digits only) anyway.
const isColombianMobile = (chars: string[]) => chars.length === 13 && chars.slice(0, 4).join('') === '+573';

/** The phone as exported; a value that is not a number in E.164 stays as it is (the CSV writer neutralizes it). */
export function exportPhone(stored: string): string {
  // By code points, as PostgreSQL counts characters.
  const chars = Array.from(stored);
  if (isColombianMobile(chars)) return `(+57) ${chars.slice(3, 6).join('')} ${chars.slice(6, 9).join('')} ${chars.slice(9).join('')}`;
  const other = international.exec(stored);
  if (other) return `(+${other[1]}) ${other[2]}`;
  return stored;
}

/** The same rule over a text column in SQL, neutralized as the CSV needs. */
export function exportPhoneSql(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN left(${column}, 4) = '+573' AND length(${column}) = 13
      THEN '(+57) ' || substr(${column}, 4, 3) || ' ' || substr(${column}, 7, 3) || ' ' || substr(${column}, 10, 4)
    WHEN ${column} ~ ${codePattern} THEN regexp_replace(${column}, ${codePattern}, ${String.raw`(+\1) \2`})
    ELSE ${neutralizedSql(column)} END`;
}
