// Legal deadlines of Ley 1581 de 2012 in Colombian business days: Monday to Friday except national holidays
// (fixed ones, those Ley 51 de 1983 moves to the next Monday, and those that follow Easter), as the well-kept
// `date-holidays` package knows them for CO (tests/unit/request-deadlines.test.ts holds it to the official
// calendars of 2026 and 2027). Days are calendar days in Colombia, written YYYY-MM-DD. Pure: no database.
import Holidays from 'date-holidays';
import { siteWallClock } from '../time-zone';

/** A calendar day in Colombia, `YYYY-MM-DD`. */
export type Day = string;

export type RequestKind = 'consulta' | 'reclamo';

/**
 * The terms: art. 14 (consultas: 10 business days from receipt, extendable once by 5) and art. 15 (reclamos: 15
 * business days from the day after receipt, extendable once by 8; an incomplete one asks for what is missing within
 * 5 days of receipt, and counts as withdrawn 2 months after that request with no answer).
 */
export const terms = {
  consulta: { days: 10, extension: 5 },
  reclamo: { days: 15, extension: 8 },
  infoRequestDays: 5,
  withdrawalMonths: 2,
  /** Art. 17(n): incidents reported to the SIC within 15 business days of detection (Circular Externa 003/2018). */
  incidentReportDays: 15,
  /** The register and the daily mail call a request due soon this many business days ahead. */
  dueSoonDays: 3,
} as const;

const calendar = new Holidays('CO');
const holidaysByYear = new Map<number, Set<Day>>();

/** The national (public) holidays of a year in Colombia. */
export function colombianHolidays(year: number): Set<Day> {
  let days = holidaysByYear.get(year);
  if (!days) {
    days = new Set(
      calendar
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    holidaysByYear.set(year, days);
  }
  return days;
}

function toDate(day: Day): Date {
  return new Date(`${day}T12:00:00Z`);
}

function fromDate(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

export function nextDay(day: Day, count = 1): Day {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + count);
  return fromDate(date);
}

/** The day it is in Colombia at `instant`. */
export function colombianDay(instant: Date): Day {
  return fromDate(siteWallClock(instant));
}

export function isBusinessDay(day: Day): boolean {
  const weekday = toDate(day).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !colombianHolidays(Number(day.slice(0, 4))).has(day);
}

/** The `count`-th business day after `day` (`day` itself not counted). */
export function addBusinessDays(day: Day, count: number): Day {
  let current = day;
  for (let left = count; left > 0; ) {
    current = nextDay(current);
    if (isBusinessDay(current)) left -= 1;
  }
  return current;
}

/**
 * The due date of a request received at `receivedAt`. A reclamo's term runs from the day after receipt (art. 15);
 * a consulta's "from the date of receipt" (art. 14): the day it arrives counts as the first when it is a business
 * day, which never gives a later date than counting from the next one.
 */
export function dueDate(kind: RequestKind, receivedAt: Date): Day {
  const received = colombianDay(receivedAt);
  return kind === 'reclamo' ? addBusinessDays(received, terms.reclamo.days) : addBusinessDays(nextDay(received, -1), terms.consulta.days);
}

/** The new due date after the one extension the law allows, counted on from the first due date. */
export function extendedDueDate(kind: RequestKind, due: Day): Day {
  return addBusinessDays(due, terms[kind].extension);
}

/** By when an incomplete reclamo must be answered asking for what is missing. */
export function infoRequestDueDate(receivedAt: Date): Day {
  return addBusinessDays(colombianDay(receivedAt), terms.infoRequestDays);
}

/**
 * The first day an incomplete reclamo counts as withdrawn: two months after the request for what was missing have
 * passed (the same day of the month, or the month's last day when it has no such day), so the day after.
 */
export function withdrawalDay(infoRequestedAt: Date): Day {
  const [year, month, day] = colombianDay(infoRequestedAt).split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + terms.withdrawalMonths, 1, 12));
  const lastOfMonth = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0, 12)).getUTCDate();
  target.setUTCDate(Math.min(day, lastOfMonth));
  return nextDay(fromDate(target));
}

/** Whether an incomplete reclamo counts as withdrawn at `now`. */
export function isWithdrawn(infoRequestedAt: Date, now: Date): boolean {
  return colombianDay(now) >= withdrawalDay(infoRequestedAt);
}

/** By when an incident must be reported to the SIC. */
export function incidentReportDueDate(detectedAt: Date): Day {
  return addBusinessDays(colombianDay(detectedAt), terms.incidentReportDays);
}

/** The last day a request counts as due soon on `today` (today and the next `dueSoonDays` business days). */
export function dueSoonLimit(today: Day): Day {
  return addBusinessDays(today, terms.dueSoonDays);
}

export type DeadlineState = 'overdue' | 'dueSoon' | 'onTime';

export function deadlineState(due: Day, today: Day): DeadlineState {
  if (due < today) return 'overdue';
  return due <= dueSoonLimit(today) ? 'dueSoon' : 'onTime';
}

/** A Day as the Date Prisma writes to a DATE column, and back. */
export function dayToDbDate(day: Day): Date {
  return new Date(`${day}T00:00:00Z`);
}
export function dbDateToDay(date: Date): Day {
  return date.toISOString().slice(0, 10);
}
