import { describe, expect, it } from 'vitest';
import { pickSample } from './random-sample.ts';

const ids = Array.from({ length: 40 }, (_, i) => `case-${String(i).padStart(2, '0')}`);

describe('the random sample of a file review', () => {
  it('is the same for the same seed, whatever order the cases come in', () => {
    const once = pickSample('seed-1', ids, 5);
    expect(pickSample('seed-1', [...ids].reverse(), 5)).toEqual(once);
    expect(once).toHaveLength(5);
    expect(new Set(once).size).toBe(5);
  });

  it('differs with another seed and takes everything when fewer cases than asked', () => {
    expect(pickSample('seed-2', ids, 5)).not.toEqual(pickSample('seed-1', ids, 5));
    expect(pickSample('seed-1', ids.slice(0, 3), 5).sort()).toEqual(ids.slice(0, 3));
  });
});
