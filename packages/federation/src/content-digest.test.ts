import { describe, expect, it } from 'vitest';
import { contentDigest, verifyContentDigest } from './content-digest.ts';

describe('contentDigest', () => {
  it('matches the example of RFC 9530 §2', () => {
    expect(contentDigest('{"hello": "world"}')).toBe(
      'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:',
    );
  });

  it('hashes text as UTF-8, the same as its bytes', () => {
    const text = '{"summary":"申请司法确认"}';
    expect(contentDigest(text)).toBe(contentDigest(new TextEncoder().encode(text)));
  });
});

describe('verifyContentDigest', () => {
  const body = '{"hello": "world"}';

  it('accepts a matching digest, also among other algorithms', () => {
    expect(verifyContentDigest(contentDigest(body), body)).toEqual({ ok: true });
    expect(verifyContentDigest(`sha-512=:AAAA:, ${contentDigest(body)}`, body)).toEqual({ ok: true });
  });

  it('reports a digest of another body as a mismatch', () => {
    expect(verifyContentDigest(contentDigest(body), '{"hello": "world!"}')).toMatchObject({
      ok: false,
      reason: 'mismatch',
    });
  });

  it.each([
    ['not a structured field', 'sha-256=X48E9q'],
    [
      'no sha-256',
      'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:',
    ],
    ['a digest of the wrong length', 'sha-256=:AAEC:'],
    ['a string instead of bytes', 'sha-256="X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE="'],
  ])('reports %s as malformed', (_, field) => {
    expect(verifyContentDigest(field, body)).toMatchObject({ ok: false, reason: 'malformed' });
  });
});
