import { describe, expect, it } from 'vitest';
import { isFinalRefusal, peerUrl, retryAfterMs } from './signed-fetch.ts';

describe('delivery rules of the outbox', () => {
  it('treats a 4xx as final, except those that say "later" (408, 425, 429)', () => {
    for (const status of [400, 401, 403, 404, 409, 413]) expect(isFinalRefusal(status)).toBe(true);
    for (const status of [408, 425, 429, 500, 502, 503]) expect(isFinalRefusal(status)).toBe(false);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-22T00:00:00Z');
    expect(retryAfterMs(new Response(null, { headers: { 'retry-after': '7' } }), now)).toBe(7000);
    expect(
      retryAfterMs(new Response(null, { headers: { 'retry-after': 'Sun, 22 Nov 2026 00:00:30 GMT' } }), now),
    ).toBe(30_000);
    expect(retryAfterMs(new Response(null), now)).toBeUndefined();
  });

  it("joins a path to a peer's base URL, keeping a path prefix the base may have", () => {
    expect(peerUrl('https://a.example', '/federation/v1/referrals')).toBe(
      'https://a.example/federation/v1/referrals',
    );
    expect(peerUrl('https://a.example/linju/', '/federation/v1/referrals')).toBe(
      'https://a.example/linju/federation/v1/referrals',
    );
  });
});
