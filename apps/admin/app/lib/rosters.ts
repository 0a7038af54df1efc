/** ISO weekdays, Monday first, as the rota lists them. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The month a rota starts from: the district's current month, `YYYY-MM`. */
export const monthOf = (isoDay: string) => isoDay.slice(0, 7);

/** `HH:MM` as a time input gives it; undefined for anything else. */
export function parseClockTime(value: string): string | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)(:\d{2})?$/.exec(value.trim());
  return match ? `${match[1]}:${match[2]}` : undefined;
}

/** Slots grouped by weekday for the printed rota; days without a slot are left out. */
export function slotsByWeekday<Slot extends { weekday: number }>(slots: readonly Slot[]) {
  return WEEKDAYS.map((weekday) => ({
    weekday,
    slots: slots.filter((slot) => slot.weekday === weekday),
  })).filter((day) => day.slots.length > 0);
}
