import { describe, expect, it } from 'vitest';
import { MemoryNonceCache } from './nonce-cache.ts';

describe('MemoryNonceCache', () => {
  const start = 1_735_689_600;

  it('reports a nonce as seen the second time, per key', () => {
    const cache = new MemoryNonceCache({ now: () => start });
    expect(cache.seen('n1', start, 'jingan')).toBe(false);
    expect(cache.seen('n1', start, 'jingan')).toBe(true);
    expect(cache.seen('n1', start, 'xuhui')).toBe(false);
    expect(cache.seen('n2', start, 'jingan')).toBe(false);
  });

  it('forgets nonces once their created is outside the 5-minute window', () => {
    let now = start;
    const cache = new MemoryNonceCache({ now: () => now });
    cache.seen('n1', start, 'jingan');
    now = start + 300;
    expect(cache.seen('n1', start, 'jingan')).toBe(true);
    now = start + 301;
    cache.seen('n2', now, 'jingan');
    expect(cache.size).toBe(1);
  });

  it('keeps a nonce dated ahead of the clock until its own window ends', () => {
    let now = start;
    const cache = new MemoryNonceCache({ now: () => now });
    cache.seen('ahead', start + 300, 'jingan');
    now = start + 599;
    expect(cache.seen('ahead', start + 300, 'jingan')).toBe(true);
  });
});
