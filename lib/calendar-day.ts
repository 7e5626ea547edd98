import { z } from 'zod';

// A calendar day as date inputs send it (the staff filters' "from" and "to", the opportunity form's dates):
// YYYY-MM-DD, and a day that exists (not 2026-02-30). Used in the browser and on the server.

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDay(value: string): boolean {
  if (!dayPattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A query-string value that must be a calendar day. */
export const calendarDaySchema = z.string().refine(isCalendarDay);
