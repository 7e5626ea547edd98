// The agency's time zone, for everything people read as a date or time: pages (next-intl's formatter,
// lib/i18n/request.ts), the staff filters' days and the dashboard's weeks (SQL), the sign-up's age check, and
// the exports' times.

export const siteTimeZone = 'America/Bogota';

/**
 * Its offset from UTC. Colombia has kept UTC−5 without daylight saving since 1993 (tests/unit/time-zone.test.ts
 * holds the zone to it): an export writes a million times with a fixed offset, far cheaper than a zone lookup
 * per row in SQL.
 */
export const siteUtcOffsetHours = -5;

/** `date` as the wall clock in the site's time zone reads it, written as if it were UTC (export cells, file names). */
export function siteWallClock(date: Date): Date {
  return new Date(date.getTime() + siteUtcOffsetHours * 3_600_000);
}
