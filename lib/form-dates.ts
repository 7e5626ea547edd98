import { z } from 'zod';

// Dates and times as forms send them, checked the same way in the browser and on the server.

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar day as date inputs send it (the staff filters' "from" and "to", the opportunity form's dates):
 * YYYY-MM-DD, and a day that exists (not 2026-02-30).
 */
export function isCalendarDay(value: string): boolean {
  if (!dayPattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A query-string value that must be a calendar day. */
export const calendarDaySchema = z.string().refine(isCalendarDay);

/**
 * A `datetime-local` value read as the wall clock in Colombia (UTC−5), not in the future (a minute's leeway for
 * clocks): when a request was received, when an incident was detected. Errors are `${field}.invalid` and
 * `${field}.future`.
 */
export function colombianMoment(field: string, now: () => Date = () => new Date()) {
  return z.string().transform((raw, ctx) => {
    const value = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(raw) ? new Date(`${raw}:00-05:00`) : null;
    if (!value || Number.isNaN(value.getTime()) || value.getUTCFullYear() < 2000) {
      ctx.addIssue({ code: 'custom', message: `${field}.invalid` });
      return z.NEVER;
    }
    if (value.getTime() > now().getTime() + 60_000) {
      ctx.addIssue({ code: 'custom', message: `${field}.future` });
      return z.NEVER;
    }
    return value;
  });
}
