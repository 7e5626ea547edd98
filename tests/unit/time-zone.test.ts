import { describe, expect, it } from 'vitest';
import { siteTimeZone, siteUtcOffsetHours, siteWallClock } from '@/lib/time-zone';
import { exportLabels } from '@/lib/export/columns';

describe('the site time zone', () => {
  it('has kept the fixed offset the exports write times with, every month from 2020 to 2040', () => {
    const offset = new Intl.DateTimeFormat('en', { timeZone: siteTimeZone, timeZoneName: 'longOffset' });
    for (let year = 2020; year <= 2040; year++) {
      for (let month = 0; month < 12; month++) {
        const zone = offset.formatToParts(new Date(Date.UTC(year, month, 15, 12))).find((p) => p.type === 'timeZoneName');
        expect(zone?.value).toBe(`GMT-0${-siteUtcOffsetHours}:00`);
      }
    }
  });

  it('reads a moment as Bogotá’s wall clock does', () => {
    expect(siteWallClock(new Date('2027-01-01T04:59:59Z')).toISOString()).toBe('2026-12-31T23:59:59.000Z');
  });
});

describe('export labels', () => {
  it('never start with a character a spreadsheet runs as a formula, so SQL writes them as they are', () => {
    for (const locale of ['es', 'en'] as const) {
      const labels = exportLabels(locale);
      const all = [...Object.values(labels.interest), ...Object.values(labels.program), ...Object.values(labels.municipality), ...Object.values(labels.language), labels.other];
      for (const label of all) expect(label, `${locale}: ${label}`).toMatch(/^[^=+\-@\t\r]/);
    }
  });
});
