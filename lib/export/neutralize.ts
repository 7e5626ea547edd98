// CSV/formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that begins with one of these
// characters as a formula. Prefixing a single quote makes it text; the value still reads the same to a
// person ('+57 300 123 4567 is plainly a phone number) and nothing else is changed.
const formulaTriggers = new Set(['=', '+', '-', '@', '\t', '\r']);

export function neutralizeCell(value: string): string {
  return value.length > 0 && formulaTriggers.has(value[0]!) ? `'${value}` : value;
}
