import { describe, expect, it } from 'vitest';
import { monthRange, previousMonth, rankByGrowth } from './sweep-ranking.ts';

const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('rankByGrowth', () => {
  it('puts the largest increase first, with its relative growth', () => {
    const ranked = rankByGrowth(
      counts({ wages: 30, neighbours: 12, family: 5 }),
      counts({ wages: 10, neighbours: 10, family: 5 }),
    );
    expect(ranked).toEqual([
      { key: 'wages', current: 30, previous: 10, change: 20, growth: 2 },
      { key: 'neighbours', current: 12, previous: 10, change: 2, growth: 0.2 },
      { key: 'family', current: 5, previous: 5, change: 0, growth: 0 },
    ]);
  });

  it('ranks a new category above an old one with the same increase, and has no ratio for it', () => {
    const ranked = rankByGrowth(counts({ new: 4, old: 8 }), counts({ old: 4 }));
    expect(ranked.map((f) => [f.key, f.growth])).toEqual([
      ['new', null],
      ['old', 1],
    ]);
  });

  it('keeps a category that fell to zero, last, and drops what neither month had', () => {
    const ranked = rankByGrowth(counts({ a: 1, none: 0 }), counts({ gone: 6, none: 0 }));
    expect(ranked).toEqual([
      { key: 'a', current: 1, previous: 0, change: 1, growth: null },
      { key: 'gone', current: 0, previous: 6, change: -6, growth: -1 },
    ]);
  });

  it('orders exact ties by key, so a rerun gives the same list', () => {
    const ranked = rankByGrowth(counts({ b: 2, a: 2 }), counts({ b: 1, a: 1 }));
    expect(ranked.map((f) => f.key)).toEqual(['a', 'b']);
  });
});

describe('months', () => {
  it('steps back over a year end and gives the half-open range', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-10')).toBe('2026-09');
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', until: '2027-01-01' });
  });
});
