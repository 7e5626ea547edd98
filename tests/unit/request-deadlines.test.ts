import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  colombianHolidays,
  deadlineState,
  dueDate,
  extendedDueDate,
  incidentReportDueDate,
  infoRequestDueDate,
  isBusinessDay,
  isWithdrawn,
  withdrawalDay,
} from '@/lib/requests/deadlines';

// The official calendar of national holidays (Ley 51 de 1983 moves most to the next Monday; Ley 2578 de 2026 adds
// the Virgin of Chiquinquirá, 9 July, moved the same way). Easter Sunday is left out: a Sunday is no business day.
const official2026 = [
  '2026-01-01', // Año Nuevo (Thursday)
  '2026-01-12', // Reyes Magos, 6 Jan moved to Monday
  '2026-03-23', // San José, 19 Mar moved to Monday
  '2026-04-02', // Jueves Santo (Easter 5 Apr)
  '2026-04-03', // Viernes Santo
  '2026-05-01', // Día del Trabajo
  '2026-05-18', // Ascensión (Easter + 43, Monday)
  '2026-06-08', // Corpus Christi (Easter + 64)
  '2026-06-15', // Sagrado Corazón (Easter + 71)
  '2026-06-29', // San Pedro y San Pablo (a Monday already)
  '2026-07-13', // Virgen de Chiquinquirá, 9 Jul moved to Monday (Ley 2578 de 2026)
  '2026-07-20', // Independencia
  '2026-08-07', // Batalla de Boyacá
  '2026-08-17', // Asunción, 15 Aug moved to Monday
  '2026-10-12', // Día de la Raza
  '2026-11-02', // Todos los Santos, 1 Nov moved to Monday
  '2026-11-16', // Independencia de Cartagena, 11 Nov moved to Monday
  '2026-12-08', // Inmaculada Concepción
  '2026-12-25', // Navidad
];
const official2027 = [
  '2027-01-01',
  '2027-01-11', // Reyes Magos
  '2027-03-22', // San José
  '2027-03-25', // Jueves Santo (Easter 28 Mar)
  '2027-03-26', // Viernes Santo
  '2027-05-01', // Día del Trabajo (a Saturday: not moved)
  '2027-05-10', // Ascensión
  '2027-05-31', // Corpus Christi
  '2027-06-07', // Sagrado Corazón
  '2027-07-05', // San Pedro y San Pablo, 29 Jun moved to Monday
  '2027-07-12', // Virgen de Chiquinquirá
  '2027-07-20', // Independencia
  '2027-08-07', // Batalla de Boyacá (a Saturday)
  '2027-08-16', // Asunción
  '2027-10-18', // Día de la Raza, 12 Oct moved to Monday
  '2027-11-01', // Todos los Santos
  '2027-11-15', // Independencia de Cartagena
  '2027-12-08', // Inmaculada Concepción
  '2027-12-25', // Navidad (a Saturday)
];

const notSunday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay() !== 0;
/** Noon in Colombia (UTC−5) on `day`. */
const at = (day: string, time = '12:00') => new Date(`${day}T${time}:00-05:00`);

describe('Colombian business days', () => {
  it.each([
    [2026, official2026],
    [2027, official2027],
  ])('the holidays of %i are exactly the official calendar', (year, official) => {
    expect([...colombianHolidays(year)].filter(notSunday).sort()).toEqual(official);
  });

  it('weekends and holidays are not business days; other weekdays are', () => {
    expect(isBusinessDay('2026-01-12')).toBe(false); // Reyes, moved
    expect(isBusinessDay('2026-01-06')).toBe(true); // the day Reyes falls on is worked
    expect(isBusinessDay('2026-04-02')).toBe(false); // Jueves Santo
    expect(isBusinessDay('2026-01-10')).toBe(false); // Saturday
    expect(isBusinessDay('2026-01-13')).toBe(true);
  });

  it('skips Holy Week and the weekend when counting', () => {
    // Wednesday 1 April 2026 + 1 business day: Thursday and Friday are holy days, so Monday 6 April.
    expect(addBusinessDays('2026-04-01', 1)).toBe('2026-04-06');
  });
});

describe('the due date of a consulta (art. 14: 10 business days from receipt)', () => {
  it('received on the Friday before a Monday holiday: the Friday counts, the holiday does not', () => {
    // Friday 9 January 2026; Monday 12 is Reyes Magos. Days: 9, 13, 14, 15, 16, 19, 20, 21, 22, 23.
    expect(dueDate('consulta', at('2026-01-09'))).toBe('2026-01-23');
  });

  it('received on a Saturday: counting starts on the next business day', () => {
    // Saturday 14 March 2026; Monday 23 is San José. Days: 16, 17, 18, 19, 20, 24, 25, 26, 27, 30.
    expect(dueDate('consulta', at('2026-03-14'))).toBe('2026-03-30');
  });

  it('uses the day in Colombia, not in UTC: 23:30 on Friday in Bogotá is already Saturday in UTC', () => {
    expect(dueDate('consulta', at('2026-01-09', '23:30'))).toBe('2026-01-23');
  });

  it('is extended once by 5 business days, counted on from the first due date', () => {
    // Due Friday 23 January 2026 → 26, 27, 28, 29, 30.
    expect(extendedDueDate('consulta', '2026-01-23')).toBe('2026-01-30');
  });
});

describe('the due date of a reclamo (art. 15: 15 business days from the day after receipt)', () => {
  it('received on the Friday before a Monday holiday', () => {
    // Friday 9 January 2026: 13, 14, 15, 16, 19, 20, 21, 22, 23, 26, 27, 28, 29, 30, 2 Feb.
    expect(dueDate('reclamo', at('2026-01-09'))).toBe('2026-02-02');
  });

  it('across Holy Week 2027 and San José', () => {
    // Thursday 18 March 2027. Business days after it: 19, (22 San José), 23, 24, (25 and 26 holy days), 29, 30, 31,
    // 1 April, 2, 5, 6, 7, 8, 9, 12, 13.
    expect(dueDate('reclamo', at('2027-03-18'))).toBe('2027-04-13');
  });

  it('is extended once by 8 business days, across the Chiquinquirá holiday', () => {
    // Due Wednesday 8 July 2026 → 9, 10, (13 holiday), 14, 15, 16, 17, (20 holiday), 21, 22.
    expect(extendedDueDate('reclamo', '2026-07-08')).toBe('2026-07-22');
  });

  it('an incomplete one must be answered asking for what is missing within 5 business days of receipt', () => {
    expect(infoRequestDueDate(at('2026-12-04'))).toBe('2026-12-14'); // 7, 9, 10, 11, 14 (8 Dec holiday)
  });
});

describe('an incomplete reclamo counts as withdrawn two months after the request for what was missing', () => {
  it('from the day after the same day two months later', () => {
    expect(withdrawalDay(at('2026-03-15'))).toBe('2026-05-16');
    expect(isWithdrawn(at('2026-03-15'), at('2026-05-15', '23:59'))).toBe(false);
    expect(isWithdrawn(at('2026-03-15'), at('2026-05-16', '00:01'))).toBe(true);
  });

  it('a request on a month end runs to the last day of the shorter month', () => {
    expect(withdrawalDay(at('2026-12-31'))).toBe('2027-03-01'); // 28 Feb 2027 is the end of the two months
    expect(withdrawalDay(at('2027-12-31'))).toBe('2028-03-01'); // 29 Feb 2028 (leap year)
  });
});

describe('deadlines shown', () => {
  it('an incident is due at the SIC 15 business days after detection', () => {
    expect(incidentReportDueDate(at('2026-12-01'))).toBe('2026-12-23'); // 8 Dec is a holiday
  });

  it('a request is overdue after its due date, due soon within the next 3 business days', () => {
    expect(deadlineState('2026-01-08', '2026-01-09')).toBe('overdue');
    expect(deadlineState('2026-01-09', '2026-01-09')).toBe('dueSoon');
    // Friday 9 January: the next 3 business days are 13, 14 and 15 (12 is a holiday).
    expect(deadlineState('2026-01-15', '2026-01-09')).toBe('dueSoon');
    expect(deadlineState('2026-01-16', '2026-01-09')).toBe('onTime');
  });
});
