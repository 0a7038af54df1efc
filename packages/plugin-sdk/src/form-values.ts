/**
 * Reading what a screen's form posted and showing moments, as the admin app's own pages do: a
 * plugin's intents and screens use these rather than copies of them.
 */
export { DISPLAY_TIME_ZONE, formatDate, formatDateTime, formatNumber } from '@linju/i18n';

/**
 * A `datetime-local` value read as the district's local time (UTC+8 for the districts served),
 * as an ISO 8601 moment; empty stays empty so the API names the missing field.
 */
export function districtDateTime(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+08:00` : value;
}

/** A whole count as typed (attendance, copies, minutes); `undefined` when it is not one. */
export function parseCount(text: string): number | undefined {
  const plain = text.trim().replace(/[\s,，]/g, '');
  return /^\d{1,9}$/.test(plain) ? Number(plain) : undefined;
}
