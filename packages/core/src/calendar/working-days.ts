import { dayIn } from '@linju/plugin-sdk';
/**
 * Working-day arithmetic for time limits (限时办结). Pure: dates are ISO `YYYY-MM-DD` strings of
 * the tenant's local calendar, and the calendar holds only the exceptions to "Monday to Friday":
 * public holidays (days off, whatever the weekday) and make-up working days (调休上班, weekends
 * that are worked). Days outside the calendar's known years follow the weekday rule.
 */
export type CalendarExceptions = ReadonlyMap<string, 'holiday' | 'workday'>;

const DAY_MS = 86_400_000;

const toEpochDay = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
const fromEpochDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** ISO weekday (1 Monday … 7 Sunday) of a calendar day, as the duty rota counts. */
export const isoWeekday = (isoDate: string) => {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
};

export const nextDay = (isoDate: string, by = 1) => fromEpochDay(toEpochDay(isoDate) + by);

export function isWorkingDay(isoDate: string, calendar: CalendarExceptions): boolean {
  const exception = calendar.get(isoDate);
  if (exception) return exception === 'workday';
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The `n`-th working day after `from` (the day itself does not count: a limit runs from the day
 * after receipt). `n = 0` gives `from` itself.
 */
export function addWorkingDays(from: string, n: number, calendar: CalendarExceptions): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let day = from;
  let left = n;
  while (left > 0) {
    day = nextDay(day);
    if (isWorkingDay(day, calendar)) left -= 1;
  }
  return day;
}

/** How many working days lie after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: string, to: string, calendar: CalendarExceptions): number {
  let count = 0;
  for (let day = nextDay(from); day <= to; day = nextDay(day)) {
    if (isWorkingDay(day, calendar)) count += 1;
  }
  return count;
}

/** The local calendar date of an instant in a time zone (the tenant's, Asia/Shanghai by default). */
export const localDate = (at: Date, timeZone = 'Asia/Shanghai'): string => dayIn(at, timeZone);
