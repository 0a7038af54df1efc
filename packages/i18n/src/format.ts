import type { Locale } from './catalogue.ts';

/**
 * Linju serves mainland China, so dates are shown in China Standard Time whatever the server's or
 * the browser's time zone; this also makes the server-rendered HTML match what hydration renders.
 */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

// 'en' is rendered with British conventions (day before month, 24-hour clock), which read
// unambiguously next to Chinese dates and match the project's spelling.
const INTL_LOCALE: { readonly [L in Locale]: string } = { 'zh-CN': 'zh-CN', en: 'en-GB' };

export type DateInput = Date | string | number;

const formatterCache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, create: () => T): T {
  const existing = formatterCache.get(key);
  if (existing) return existing as T;
  const formatter = create();
  formatterCache.set(key, formatter);
  return formatter;
}

function toDate(value: DateInput): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a valid date: ${String(value)}`);
  return date;
}

/** A calendar date, e.g. `2025年3月2日` or `2 March 2025`. */
export function formatDate(locale: Locale, value: DateInput): string {
  const formatter = cached(
    `date:${locale}`,
    () => new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeZone: DISPLAY_TIME_ZONE }),
  );
  return formatter.format(toDate(value));
}

/** A date with the time of day, e.g. `2025年3月2日 00:30` or `2 March 2025 at 00:30`. */
export function formatDateTime(locale: Locale, value: DateInput): string {
  const formatter = cached(
    `datetime:${locale}`,
    () =>
      new Intl.DateTimeFormat(INTL_LOCALE[locale], {
        dateStyle: 'long',
        timeStyle: 'short',
        hourCycle: 'h23',
        timeZone: DISPLAY_TIME_ZONE,
      }),
  );
  return formatter.format(toDate(value));
}

/** A number with the locale's grouping, e.g. `12,345`; `options` pass through to Intl. */
export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  const key = `number:${locale}:${JSON.stringify(options ?? {})}`;
  return cached(key, () => new Intl.NumberFormat(INTL_LOCALE[locale], options)).format(value);
}

/** A label before its value, with the language's own colon: `事由：` or `Summary: `. */
export function labelled(locale: Locale, label: string): string {
  return locale === 'en' ? `${label}: ` : `${label}：`;
}
