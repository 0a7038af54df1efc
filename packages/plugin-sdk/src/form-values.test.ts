import { describe, expect, it } from 'vitest';
import { districtDateTime, parseCount } from './form-values.ts';

describe('what staff type', () => {
  it('reads a datetime-local value as the district time', () => {
    expect(districtDateTime('2026-03-18T09:30')).toBe('2026-03-18T09:30:00+08:00');
    expect(districtDateTime('')).toBe('');
  });

  it('reads whole counts only', () => {
    expect(parseCount('1,200')).toBe(1200);
    expect(parseCount('0')).toBe(0);
    expect(parseCount('3.5')).toBeUndefined();
    expect(parseCount('many')).toBeUndefined();
  });
});
