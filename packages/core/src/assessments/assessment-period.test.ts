import { describe, expect, it } from 'vitest';
import { normalisePeriod, normaliseScore } from './assessment-period.ts';

describe('assessment periods and scores as assessors write them', () => {
  it('reads years, quarters and months in their usual spellings', () => {
    expect(normalisePeriod('2026')).toBe('2026');
    expect(normalisePeriod('2026年')).toBe('2026');
    expect(normalisePeriod('2026-Q1')).toBe('2026-Q1');
    expect(normalisePeriod('2026q3')).toBe('2026-Q3');
    expect(normalisePeriod('2026年第2季度')).toBe('2026-Q2');
    expect(normalisePeriod('2026-03')).toBe('2026-03');
    expect(normalisePeriod('2026/3')).toBe('2026-03');
    expect(normalisePeriod('2026年11月')).toBe('2026-11');
  });

  it('refuses what is none of these', () => {
    for (const bad of ['', '2026年春', '2026-Q5', '2026-13', '26-03', '上半年'])
      expect(normalisePeriod(bad)).toBeNull();
  });

  it('takes scores from 0 to 1000 with at most two decimals', () => {
    expect(normaliseScore('18.5')).toBe('18.50');
    expect(normaliseScore('0')).toBe('0.00');
    expect(normaliseScore('1000')).toBe('1000.00');
    for (const bad of ['', '-1', '1000.01', '18.555', '满分', '1e3']) expect(normaliseScore(bad)).toBeNull();
  });
});
