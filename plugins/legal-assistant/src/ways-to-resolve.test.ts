import { describe, expect, it } from 'vitest';
import { waysToResolve } from './ways-to-resolve.ts';

const offered = [
  { id: 'mediation', medianDays: 12 },
  { id: 'consultation', medianDays: null },
];

describe('the ways to resolve a matter side by side', () => {
  it('sets the court fee for 50,000 yuan lent beside free mediation with its median days', () => {
    const ways = waysToResolve({ litigation: 'property' }, 50_000, offered);
    expect(ways).toEqual([
      expect.objectContaining({ path: 'litigation', fee: 1050, medianDays: null }),
      expect.objectContaining({
        path: 'people-mediation',
        fee: 0,
        basis: '《人民调解法》第四条',
        medianDays: 12,
      }),
      expect.objectContaining({ path: 'judicial-confirmation', fee: 0 }),
    ]);
    expect(ways[0]?.basis).toContain('《诉讼费用交纳办法》第十三条');
  });

  it('leaves a property case’s court fee open until an amount is entered', () => {
    const [court] = waysToResolve({ litigation: 'property' }, null, offered);
    expect(court).toEqual(expect.objectContaining({ path: 'litigation', fee: null }));
  });

  it('adds free labour arbitration for a labour matter', () => {
    const ways = waysToResolve({ litigation: 'labour' }, null, offered);
    expect(ways.map((w) => w.path)).toEqual([
      'litigation',
      'people-mediation',
      'judicial-confirmation',
      'labour-arbitration',
    ]);
    expect(ways.at(-1)).toEqual(
      expect.objectContaining({ fee: 0, basis: '《劳动争议调解仲裁法》第五十三条', medianDays: null }),
    );
  });

  it('says no days when the district has too few closed cases', () => {
    const ways = waysToResolve({ litigation: 'divorce' }, null, [{ id: 'mediation', medianDays: null }]);
    expect(ways.find((w) => w.path === 'people-mediation')?.medianDays).toBeNull();
  });
});
