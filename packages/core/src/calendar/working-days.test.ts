import { describe, expect, it } from 'vitest';
import { calendarOf, NATIONAL_CALENDAR } from './national-calendar.ts';
import { addWorkingDays, isWorkingDay, localDate, workingDaysBetween } from './working-days.ts';

const national = calendarOf(NATIONAL_CALENDAR);
const none = calendarOf([]);

describe('working days', () => {
  it('are Monday to Friday when the calendar has no exceptions', () => {
    expect(isWorkingDay('2026-03-06', none)).toBe(true); // Friday
    expect(isWorkingDay('2026-03-07', none)).toBe(false); // Saturday
    expect(addWorkingDays('2026-03-06', 1, none)).toBe('2026-03-09'); // Friday + 1 → Monday
    expect(addWorkingDays('2026-03-02', 5, none)).toBe('2026-03-09');
  });

  it('start counting the day after receipt', () => {
    expect(addWorkingDays('2026-03-02', 0, none)).toBe('2026-03-02');
    expect(addWorkingDays('2026-03-07', 1, none)).toBe('2026-03-09'); // received on a Saturday
  });

  it('skip public holidays, weekday or not', () => {
    // National Day 2026: 1–7 October off. Received Wednesday 30 September, 3 working days:
    // 8 Oct (Thu), 9 Oct (Fri), 10 Oct (Sat, a make-up working day).
    expect(addWorkingDays('2026-09-30', 3, national)).toBe('2026-10-10');
    expect(isWorkingDay('2026-10-05', national)).toBe(false); // a Monday inside the holiday
  });

  it('count make-up working days on weekends', () => {
    expect(isWorkingDay('2026-02-14', national)).toBe(true); // Saturday before the Spring Festival
    expect(isWorkingDay('2026-02-28', national)).toBe(true);
    // Friday 13 Feb + 1 → Saturday 14 Feb (worked); + 2 → Tuesday 24 Feb, after nine days off.
    expect(addWorkingDays('2026-02-13', 1, national)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2, national)).toBe('2026-02-24');
  });

  it('gives the Spring Festival 2025 its 调休 Sunday and Saturday', () => {
    expect(isWorkingDay('2025-01-26', national)).toBe(true);
    expect(isWorkingDay('2025-02-08', national)).toBe(true);
    expect(isWorkingDay('2025-02-04', national)).toBe(false);
    expect(isWorkingDay('2025-01-01', national)).toBe(false);
  });

  it('counts the working days between two dates, the first excluded', () => {
    expect(workingDaysBetween('2026-03-02', '2026-03-02', none)).toBe(0);
    expect(workingDaysBetween('2026-03-02', '2026-03-09', none)).toBe(5);
    // Labour Day 2026: 1–5 May off, Saturday 9 May worked.
    expect(workingDaysBetween('2026-04-30', '2026-05-10', national)).toBe(4); // 6, 7, 8, 9 May
    expect(workingDaysBetween('2026-03-09', '2026-03-02', none)).toBe(0);
  });

  it('is the inverse of adding', () => {
    for (const start of ['2025-01-20', '2026-02-10', '2026-09-18', '2027-02-01']) {
      for (const n of [1, 3, 5, 15, 22]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n, national), national)).toBe(n);
      }
    }
  });

  it('reads dates in the tenant’s time zone', () => {
    expect(localDate(new Date('2026-03-01T17:30:00Z'))).toBe('2026-03-02'); // 01:30 in Shanghai
  });
});

describe('the national calendar', () => {
  it('has each year’s official days off and make-up days', () => {
    const count = (year: string, kind: string) =>
      NATIONAL_CALENDAR.filter((d) => d.day.startsWith(year) && d.kind === kind).length;
    // 2025: 1 + 8 + 3 + 5 + 3 + 8 days off; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7.
    expect(count('2025', 'holiday')).toBe(28);
    expect(count('2025', 'workday')).toBe(5);
    expect(count('2026', 'holiday')).toBe(33);
    expect(count('2026', 'workday')).toBe(6);
    expect(new Set(NATIONAL_CALENDAR.map((d) => d.day)).size).toBe(NATIONAL_CALENDAR.length);
  });

  it('puts make-up working days on weekends only', () => {
    for (const d of NATIONAL_CALENDAR.filter((e) => e.kind === 'workday')) {
      expect(isWorkingDay(d.day, none), d.day).toBe(false);
    }
  });
});
