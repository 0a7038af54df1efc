import type { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';

/** Where a district is, when no request says (the districts served are all in China). */
const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

// Made on first use, on the server: the admin's browser bundle reaches this module through the
// SDK's index (as `plugin-tables.ts` reads files), and never runs it.
let zoneStore: AsyncLocalStorage<string> | undefined;
const districtZone = () => {
  zoneStore ??= new (process.getBuiltinModule('node:async_hooks').AsyncLocalStorage)<string>();
  return zoneStore;
};

/**
 * Runs `fn` with the request's district time zone, which the bounded date fields below read
 * while its input is parsed (the API wraps every tenant request in it).
 */
export const inDistrictTimeZone = <T>(timeZone: string, fn: () => T): T => districtZone().run(timeZone, fn);

const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (`YYYY-MM-DD`) of an instant in a time zone. */
export function dayIn(at: Date, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format.format(at);
}

/** The calendar day of `at` in the request's district (Asia/Shanghai outside one). */
export const districtDay = (at: Date): string => dayIn(at, zoneStore?.getStore() ?? DEFAULT_TIME_ZONE);

const shiftDay = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * How far from today a date field may lie, in days: `back` into the past, `ahead` into the future
 * (0: not after today). A session is not in 2099 and an inspection not in 1900.
 */
export type DayBounds = { readonly back: number; readonly ahead: number };

/** What is wrong with `day` for `bounds` as of `today`, as a message key; `undefined` when nothing. */
export function dayOutside(day: string, today: string, bounds: DayBounds) {
  if (day > shiftDay(today, bounds.ahead))
    return bounds.ahead === 0 ? 'validation.date_in_future' : 'validation.date_too_far_ahead';
  if (day < shiftDay(today, -bounds.back)) return 'validation.date_too_long_ago';
  return undefined;
}

/** A calendar day (`YYYY-MM-DD`) within `bounds` of today in the district. */
export const boundedDay = (bounds: DayBounds) =>
  z.iso.date({ message: 'validation.date_invalid' }).superRefine((day, ctx) => {
    const problem = dayOutside(day, districtDay(new Date()), bounds);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A moment (an ISO time, as forms and clients send it) whose day in the district is within `bounds`. */
export const boundedMoment = (bounds: DayBounds) =>
  z.coerce.date({ message: 'validation.date_invalid' }).superRefine((at, ctx) => {
    if (Number.isNaN(at.getTime())) return;
    const problem = dayOutside(districtDay(at), districtDay(new Date()), bounds);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
