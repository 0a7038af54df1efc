import { sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { componentValue, createSignatureBase, headerValue, SignatureBaseError } from './signature-base.ts';
import { isInnerList, parseDictionary, type SfInnerList } from './structured-fields.ts';
import { RFC9421_TEST_KEY, RFC9421_TEST_PUBLIC_KEY } from './test-keys.ts';

/** The test request of RFC 9421 Appendix B.2. */
const rfcRequest = {
  method: 'POST',
  url: 'https://example.com/foo?param=Value&Pet=dog',
  headers: {
    Host: 'example.com',
    Date: 'Tue, 20 Apr 2021 02:07:55 GMT',
    'Content-Type': 'application/json',
    'Content-Digest':
      'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:',
    'Content-Length': '18',
  },
};

function innerList(signatureInput: string, label: string): SfInnerList {
  const member = parseDictionary(signatureInput).get(label);
  if (!member || !isInnerList(member)) throw new Error(`no inner list ${label}`);
  return member;
}

describe('createSignatureBase', () => {
  it('reproduces RFC 9421 Appendix B.2.6 (ed25519) byte for byte, signature included', () => {
    const params = innerList(
      'sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
      'sig-b26',
    );
    const base = createSignatureBase(rfcRequest, params);
    expect(base).toBe(
      [
        '"date": Tue, 20 Apr 2021 02:07:55 GMT',
        '"@method": POST',
        '"@path": /foo',
        '"@authority": example.com',
        '"content-type": application/json',
        '"content-length": 18',
        '"@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
      ].join('\n'),
    );
    const signature = sign(null, Buffer.from(base), RFC9421_TEST_KEY).toString('base64');
    expect(signature).toBe(
      'wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==',
    );
    expect(verify(null, Buffer.from(base), RFC9421_TEST_PUBLIC_KEY, Buffer.from(signature, 'base64'))).toBe(
      true,
    );
  });

  it('refuses absent headers, duplicates, parameters and unknown derived components', () => {
    const attempt = (field: string) => () => createSignatureBase(rfcRequest, innerList(`s=${field}`, 's'));
    expect(attempt('("linju-idempotency-key")')).toThrow(SignatureBaseError);
    expect(attempt('("@method" "@method")')).toThrow('covered twice');
    expect(attempt('("content-digest";sf)')).toThrow('parameters are not supported');
    expect(attempt('("@status")')).toThrow('not supported');
    expect(attempt('("Date")')).toThrow('lowercase');
  });
});

describe('componentValue', () => {
  it('derives the request components of RFC 9421 §2.2', () => {
    expect(componentValue(rfcRequest, '@target-uri')).toBe('https://example.com/foo?param=Value&Pet=dog');
    expect(componentValue(rfcRequest, '@authority')).toBe('example.com');
    expect(componentValue(rfcRequest, '@scheme')).toBe('https');
    expect(componentValue(rfcRequest, '@request-target')).toBe('/foo?param=Value&Pet=dog');
    expect(componentValue(rfcRequest, '@query')).toBe('?param=Value&Pet=dog');
    expect(
      componentValue({ ...rfcRequest, method: 'get', url: 'https://EXAMPLE.com:443' }, '@target-uri'),
    ).toBe('https://example.com/');
    expect(componentValue({ ...rfcRequest, method: 'get' }, '@method')).toBe('GET');
  });
});

describe('headerValue', () => {
  it('reads plain objects case-insensitively, joining repeated fields, and fetch Headers', () => {
    expect(headerValue({ 'X-Note': ['  a ', 'b'] }, 'x-note')).toBe('a, b');
    expect(headerValue({ 'x-note': undefined }, 'x-note')).toBeUndefined();
    expect(headerValue(new Headers({ 'X-Note': 'c' }), 'X-NOTE')).toBe('c');
  });
});
