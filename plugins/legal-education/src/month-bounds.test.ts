import { describe, expect, it } from 'vitest';
import { monthBounds } from './month-bounds.ts';

describe('a month of events', () => {
  it('spans from its first to its last day, leap years included', () => {
    expect(monthBounds('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthBounds('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
