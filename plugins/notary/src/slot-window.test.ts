import { describe, expect, it } from 'vitest';
import { daysFrom, freeSlots } from './slot-window.ts';

describe('the appointment book’s window', () => {
  it('counts days on across a month end', () => {
    expect(daysFrom('2026-01-25', 14)).toEqual({
      from: new Date('2026-01-25T00:00:00Z'),
      to: new Date('2026-02-08T00:00:00Z'),
    });
  });
});

describe('free appointment slots', () => {
  const now = new Date('2026-03-18T02:00:00Z');
  const slot = (startsAt: string, booked: number, withdrawn = false) => ({
    id: startsAt,
    startsAt,
    capacity: 2,
    booked,
    withdrawn,
  });

  it('are those not begun, not withdrawn and with a place left', () => {
    const slots = [
      slot('2026-03-18T01:00:00Z', 0),
      slot('2026-03-19T01:00:00Z', 1),
      slot('2026-03-19T02:00:00Z', 2),
      slot('2026-03-19T03:00:00Z', 0, true),
    ];
    expect(freeSlots(slots, now).map((s) => s.id)).toEqual(['2026-03-19T01:00:00Z']);
  });
});
