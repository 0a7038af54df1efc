/** The `days` days from `today` (a local date) on, as the slots query takes them: `from` inclusive, `to` exclusive. */
export function daysFrom(today: string, days: number): { from: Date; to: Date } {
  const from = new Date(`${today}T00:00:00Z`);
  const to = new Date(from);
  to.setUTCDate(to.getUTCDate() + days);
  return { from, to };
}

type SlotLike = { startsAt: string; capacity: number; booked: number; withdrawn: boolean };

/** The slots a desk can still book: not withdrawn, not yet begun, with a place left. */
export function freeSlots<S extends SlotLike>(slots: readonly S[], now: Date): S[] {
  return slots.filter(
    (s) => !s.withdrawn && new Date(s.startsAt).getTime() > now.getTime() && s.booked < s.capacity,
  );
}
