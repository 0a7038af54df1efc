import { describe, expect, it } from 'vitest';
import { availabilityOn, mayBeAsked } from './availability.ts';

describe('an expert’s availability', () => {
  it('is what the bureau set for an available expert and one who left', () => {
    expect(availabilityOn({ availability: 'available', pausedUntil: null }, '2026-12-07')).toBe('available');
    expect(availabilityOn({ availability: 'left', pausedUntil: null }, '2026-12-07')).toBe('left');
  });

  it('keeps a pause through its last day and ends it the day after by itself', () => {
    const paused = { availability: 'paused', pausedUntil: '2026-12-10' } as const;
    expect(availabilityOn(paused, '2026-12-07')).toBe('paused');
    expect(availabilityOn(paused, '2026-12-10')).toBe('paused');
    expect(availabilityOn(paused, '2026-12-11')).toBe('available');
  });

  it('lets a matter be put only to an expert available that day', () => {
    expect(mayBeAsked({ availability: 'available', pausedUntil: null }, '2026-12-07')).toBe(true);
    expect(mayBeAsked({ availability: 'paused', pausedUntil: '2026-12-10' }, '2026-12-07')).toBe(false);
    expect(mayBeAsked({ availability: 'paused', pausedUntil: '2026-12-10' }, '2026-12-11')).toBe(true);
    expect(mayBeAsked({ availability: 'left', pausedUntil: null }, '2026-12-07')).toBe(false);
  });
});
