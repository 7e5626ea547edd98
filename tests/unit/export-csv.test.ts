import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvRecord } from '@/lib/export/csv';

// The export writes CSV by hand for speed; csv-stringify (RFC 4180, every string quoted, CRLF) is the reference.
const reference = (values: (string | number)[]) => stringify([values], { record_delimiter: 'windows', quoted_string: true });

describe('CSV records', () => {
  it('match csv-stringify for quotes, separators, line breaks, empty strings, accents and numbers', () => {
    const values = ['plain', 'with, comma', 'say "hi"', '""', 'line\nbreak', 'cr\r\nlf', '', 'Tuluá', 'emoji 🎉', 1998, 0];
    expect(csvRecord(values)).toBe(reference(values));
  });

  it('neutralizes formulas and writes dates as Bogotá wall-clock text', () => {
    const record = csvRecord(['=HYPERLINK("x")', '+57 300', new Date('2026-03-01T05:30:00Z')]);
    expect(record).toBe(reference(['\'=HYPERLINK("x")', "'+57 300", '2026-03-01 00:30:00']));
  });
});
