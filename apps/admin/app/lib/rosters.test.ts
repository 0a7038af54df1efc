import { describe, expect, it } from 'vitest';
import { monthOf, parseClockTime, slotsByWeekday } from './rosters.ts';

describe('the rota', () => {
  it('reads times as a time input sends them', () => {
    expect(parseClockTime('09:00')).toBe('09:00');
    expect(parseClockTime('17:30:00')).toBe('17:30');
    expect(parseClockTime('24:00')).toBeUndefined();
    expect(parseClockTime('9:00')).toBeUndefined();
  });

  it('groups slots by weekday, Monday first, leaving out empty days', () => {
    const grouped = slotsByWeekday([
      { weekday: 3, id: 'b' },
      { weekday: 1, id: 'a' },
      { weekday: 3, id: 'c' },
    ]);
    expect(grouped.map((day) => [day.weekday, day.slots.map((slot) => slot.id)])).toEqual([
      [1, ['a']],
      [3, ['b', 'c']],
    ]);
    expect(monthOf('2026-11-22')).toBe('2026-11');
  });
});
