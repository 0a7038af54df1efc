/**
 * A `datetime-local` value read as the district's local time (UTC+8 for the districts served),
 * as an ISO 8601 moment; empty stays empty so the API names the missing field.
 */
export function districtDateTime(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+08:00` : value;
}

/** A moment as a `datetime-local` value in the district's time (UTC+8). */
export function toDistrictInput(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return local.toISOString().slice(0, 16);
}

/** A whole count as typed (attendance, copies, minutes); `undefined` when it is not one. */
export function parseCount(text: string): number | undefined {
  const plain = text.trim().replace(/[\s,，]/g, '');
  return /^\d{1,9}$/.test(plain) ? Number(plain) : undefined;
}

/** The first and last day of a month `YYYY-MM`, or `undefined` for anything else. */
export function monthPeriod(month: string): { from: string; to: string } | undefined {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) return undefined;
  const year = Number(match[1]);
  const m = Number(match[2]);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The `days` days from `today` (a local date) on, as the API's period: `from` inclusive, `to` exclusive. */
export function daysFrom(today: string, days: number): { from: string; to: string } {
  const end = new Date(`${today}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + days);
  return { from: today, to: end.toISOString().slice(0, 10) };
}

type SlotLike = { startsAt: string; capacity: number; booked: number; withdrawn: boolean };

/** The slots a desk can still book: not withdrawn, not yet begun, with a place left. */
export function freeSlots<S extends SlotLike>(slots: readonly S[], now: Date): S[] {
  return slots.filter(
    (s) => !s.withdrawn && new Date(s.startsAt).getTime() > now.getTime() && s.booked < s.capacity,
  );
}

type DescribedField = {
  key: string;
  options?: { value: string; label: Record<'zh-CN' | 'en', string> }[] | undefined;
};

/**
 * The label of a choice a service's form offers (`matter` → "劳动报酬"), from the form's own
 * description; the raw answer when the form does not know it, a dash when there is none.
 */
export function optionLabel(
  fields: readonly DescribedField[],
  key: string,
  value: unknown,
  locale: 'zh-CN' | 'en',
): string {
  if (value === undefined || value === null || value === '') return '—';
  const option = fields.find((f) => f.key === key)?.options?.find((o) => o.value === value);
  return option ? option.label[locale] : String(value);
}
