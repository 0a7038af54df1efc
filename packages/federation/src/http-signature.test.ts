import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentDigest } from './content-digest.ts';
import {
  signRequest,
  VERIFY_FAILURE_STATUS,
  type VerifyFailure,
  type VerifyRequestInput,
  verifyRequest,
} from './http-signature.ts';
import { MemoryNonceCache } from './nonce-cache.ts';
import { createSignatureBase } from './signature-base.ts';
import { isInnerList, parseDictionary } from './structured-fields.ts';
import { RFC9421_TEST_KEY, RFC9421_TEST_PUBLIC_KEY } from './test-keys.ts';

const KID = 'test-key-ed25519';
const NOW = new Date('2025-01-01T00:00:00Z');
const URL = 'https://jingan.linju.example/federation/v1/referrals';
const BODY = '{"id":"r-2025-0001","kind":"judicial-confirmation"}';
const IDEMPOTENCY = { 'Linju-Idempotency-Key': 'a1b2c3d4-0001' };

const keys = new Map<string, KeyObject>([[KID, RFC9421_TEST_PUBLIC_KEY]]);

/** A POST as the sender puts it on the wire: its own headers plus the signature headers. */
function signedPost(overrides: { now?: Date; nonce?: string } = {}) {
  const added = signRequest({
    method: 'POST',
    url: URL,
    headers: IDEMPOTENCY,
    body: BODY,
    key: RFC9421_TEST_KEY,
    kid: KID,
    ...overrides,
  });
  return {
    method: 'POST',
    url: URL,
    headers: { ...IDEMPOTENCY, ...added } as Record<string, string>,
    body: BODY,
  };
}

function verifyWith(
  request: Pick<VerifyRequestInput, 'method' | 'url' | 'headers' | 'body'>,
  options: Partial<Pick<VerifyRequestInput, 'now' | 'nonceSeen' | 'resolveKey'>> = {},
) {
  return verifyRequest({
    ...request,
    now: NOW,
    resolveKey: (kid) => keys.get(kid),
    nonceSeen: () => false,
    ...options,
  });
}

async function failureOf(...args: Parameters<typeof verifyWith>): Promise<VerifyFailure | 'ok'> {
  const result = await verifyWith(...args);
  return result.ok ? 'ok' : result.failure;
}

describe('signRequest', () => {
  it('matches the fixed Linju vector: RFC 9421 test key, fixed created and nonce', () => {
    const headers = signRequest({
      method: 'POST',
      url: URL,
      headers: IDEMPOTENCY,
      body: BODY,
      key: RFC9421_TEST_KEY,
      kid: KID,
      now: NOW,
      nonce: 'bm9uY2UtMDAwMQ',
    });
    expect(headers).toEqual({
      'Signature-Input':
        'sig1=("@method" "@target-uri" "content-digest" "linju-idempotency-key");created=1735689600;nonce="bm9uY2UtMDAwMQ";keyid="test-key-ed25519";alg="ed25519"',
      Signature:
        'sig1=:3D+RMFEJbv0NVNtS5CJ93MmmuJg7J38kz0fOWtjRiHls/hracI9aG3skcCuMPidXB937t/V6mwJo+rnJKVu3BQ==:',
      'Content-Digest': 'sha-256=:b2Megch1Lk1g6+OUJjn4oYErYWNrZ1pKzsLThq/519E=:',
      'Linju-Idempotency-Key': 'a1b2c3d4-0001',
    });
  });

  it('signs exactly this signature base (RFC 9421 §2.5)', () => {
    const request = signedPost({ now: NOW, nonce: 'bm9uY2UtMDAwMQ' });
    const params = parseDictionary(request.headers['Signature-Input'] ?? '').get('sig1');
    if (!params || !isInnerList(params)) expect.fail('Signature-Input has no sig1 inner list');
    expect(createSignatureBase(request, params)).toBe(
      [
        '"@method": POST',
        '"@target-uri": https://jingan.linju.example/federation/v1/referrals',
        '"content-digest": sha-256=:b2Megch1Lk1g6+OUJjn4oYErYWNrZ1pKzsLThq/519E=:',
        '"linju-idempotency-key": a1b2c3d4-0001',
        '"@signature-params": ("@method" "@target-uri" "content-digest" "linju-idempotency-key");created=1735689600;nonce="bm9uY2UtMDAwMQ";keyid="test-key-ed25519";alg="ed25519"',
      ].join('\n'),
    );
  });

  it('covers only "@method" "@target-uri" on a GET, without a digest', () => {
    const headers = signRequest({
      method: 'GET',
      url: `${URL}/r-2025-0001`,
      headers: {},
      key: RFC9421_TEST_KEY,
      kid: KID,
      now: NOW,
      nonce: 'n',
    });
    expect(headers).toEqual({
      'Signature-Input':
        'sig1=("@method" "@target-uri");created=1735689600;nonce="n";keyid="test-key-ed25519";alg="ed25519"',
      Signature: expect.stringMatching(/^sig1=:[A-Za-z0-9+/]{86}==:$/),
    });
  });

  it('uses a fresh random nonce for each signature, so a retry is a new request', () => {
    const nonces = new Set(
      Array.from(
        { length: 20 },
        () => signedPost().headers['Signature-Input']?.match(/nonce="([^"]+)"/)?.[1],
      ),
    );
    expect(nonces.size).toBe(20);
  });

  it('requires an idempotency key on a request with a body, and no body on a GET', () => {
    expect(() =>
      signRequest({ method: 'POST', url: URL, headers: {}, body: BODY, key: RFC9421_TEST_KEY, kid: KID }),
    ).toThrow('Linju-Idempotency-Key');
    expect(() =>
      signRequest({ method: 'GET', url: URL, headers: {}, body: BODY, key: RFC9421_TEST_KEY, kid: KID }),
    ).toThrow('carries no body');
  });
});

describe('verifyRequest', () => {
  it('accepts what signRequest produced, and says who signed it', async () => {
    const request = signedPost({ now: NOW, nonce: 'bm9uY2UtMDAwMQ' });
    expect(await verifyWith(request)).toEqual({
      ok: true,
      keyid: KID,
      created: 1735689600,
      nonce: 'bm9uY2UtMDAwMQ',
      components: ['@method', '@target-uri', 'content-digest', 'linju-idempotency-key'],
    });
  });

  it('accepts a signed GET without a body or digest, with fetch Headers', async () => {
    const url = `${URL}/r-2025-0001`;
    const added = signRequest({ method: 'GET', url, headers: {}, key: RFC9421_TEST_KEY, kid: KID, now: NOW });
    expect(await failureOf({ method: 'GET', url, headers: new Headers({ ...added }) })).toBe('ok');
  });

  it('accepts a signature from another Ed25519 key the receiver pinned', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const added = signRequest({
      method: 'POST',
      url: URL,
      headers: IDEMPOTENCY,
      body: BODY,
      key: privateKey,
      kid: 'xuhui',
      now: NOW,
    });
    const request = { method: 'POST', url: URL, headers: { ...IDEMPOTENCY, ...added }, body: BODY };
    expect(await failureOf(request, { resolveKey: (kid) => (kid === 'xuhui' ? publicKey : undefined) })).toBe(
      'ok',
    );
    expect(await failureOf(request, { resolveKey: () => RFC9421_TEST_PUBLIC_KEY })).toBe('bad-signature');
  });

  describe('refuses a tampered request', () => {
    const request = signedPost({ now: NOW });

    it('body', async () => {
      expect(await failureOf({ ...request, body: BODY.replace('0001', '0002') })).toBe('digest-mismatch');
    });

    it('body with a recomputed digest', async () => {
      const body = BODY.replace('0001', '0002');
      expect(
        await failureOf({
          ...request,
          body,
          headers: { ...request.headers, 'Content-Digest': contentDigest(body) },
        }),
      ).toBe('bad-signature');
    });

    it('method', async () => {
      expect(await failureOf({ ...request, method: 'PUT' })).toBe('bad-signature');
    });

    it('target URI', async () => {
      expect(await failureOf({ ...request, url: `${URL}?to=other` })).toBe('bad-signature');
      expect(await failureOf({ ...request, url: URL.replace('jingan', 'xuhui') })).toBe('bad-signature');
    });

    it('idempotency key header', async () => {
      expect(
        await failureOf({
          ...request,
          headers: { ...request.headers, 'Linju-Idempotency-Key': 'a1b2c3d4-0002' },
        }),
      ).toBe('bad-signature');
    });

    it('signature parameters', async () => {
      const headers = {
        ...request.headers,
        'Signature-Input': request.headers['Signature-Input']?.replace('nonce="', 'nonce="x'),
      };
      expect(await failureOf({ ...request, headers })).toBe('bad-signature');
    });
  });

  it('refuses a created more than 5 minutes from the receiver clock, either way', async () => {
    const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
    const request = signedPost({ now: NOW });
    expect(await failureOf(request, { now: at(300) })).toBe('ok');
    expect(await failureOf(request, { now: at(301) })).toBe('clock-skew');
    expect(await failureOf(request, { now: at(-300) })).toBe('ok');
    expect(await failureOf(request, { now: at(-301) })).toBe('clock-skew');
  });

  it('refuses a replayed nonce within the window, using the nonce cache', async () => {
    const cache = new MemoryNonceCache({ now: () => Math.floor(NOW.getTime() / 1000) });
    const nonceSeen = cache.seen.bind(cache);
    const request = signedPost({ now: NOW });
    expect(await failureOf(request, { nonceSeen })).toBe('ok');
    expect(await failureOf(request, { nonceSeen })).toBe('replayed-nonce');
    expect(await failureOf(signedPost({ now: NOW }), { nonceSeen })).toBe('ok');
  });

  it('does not record the nonce of a request that fails verification', async () => {
    const seen: string[] = [];
    const request = signedPost({ now: NOW, nonce: 'once' });
    await verifyWith({ ...request, method: 'PUT' }, { nonceSeen: (nonce) => seen.push(nonce) > 1 });
    expect(seen).toEqual([]);
  });

  it('refuses an unknown key', async () => {
    expect(await failureOf(signedPost({ now: NOW }), { resolveKey: () => undefined })).toBe('unknown-key');
  });

  it('refuses missing and malformed signatures', async () => {
    const request = signedPost({ now: NOW });
    const without = (name: string) =>
      Object.fromEntries(Object.entries(request.headers).filter(([key]) => key !== name));
    expect(await failureOf({ ...request, headers: without('Signature') })).toBe('missing-signature');
    expect(await failureOf({ ...request, headers: without('Signature-Input') })).toBe('missing-signature');
    expect(await failureOf({ ...request, headers: { ...request.headers, Signature: 'sig1=abc' } })).toBe(
      'malformed-signature',
    );
    expect(
      await failureOf({ ...request, headers: { ...request.headers, 'Signature-Input': 'sig1=(' } }),
    ).toBe('malformed-signature');
    const noNonce = request.headers['Signature-Input']?.replace(/;nonce="[^"]+"/, '');
    expect(await failureOf({ ...request, headers: { ...request.headers, 'Signature-Input': noNonce } })).toBe(
      'malformed-signature',
    );
  });

  it('refuses a POST whose signature does not cover the digest and idempotency key', async () => {
    const added = signRequest({
      method: 'GET',
      url: URL,
      headers: {},
      key: RFC9421_TEST_KEY,
      kid: KID,
      now: NOW,
    });
    expect(
      await failureOf({ method: 'POST', url: URL, headers: { ...IDEMPOTENCY, ...added }, body: BODY }),
    ).toBe('insufficient-coverage');
  });

  it('refuses another algorithm', async () => {
    const request = signedPost({ now: NOW });
    const headers = {
      ...request.headers,
      'Signature-Input': request.headers['Signature-Input']?.replace('"ed25519"', '"rsa-pss-sha512"'),
    };
    expect(await failureOf({ ...request, headers })).toBe('unsupported-algorithm');
  });

  it('answers a malformed digest with 400 and every other failure with 401', async () => {
    const request = signedPost({ now: NOW });
    const result = await verifyWith({
      ...request,
      headers: { ...request.headers, 'Content-Digest': 'sha-256=:AAEC:' },
    });
    expect(result).toMatchObject({ ok: false, failure: 'malformed-digest', status: 400 });
    const statuses = Object.entries(VERIFY_FAILURE_STATUS).filter(
      ([failure]) => failure !== 'malformed-digest',
    );
    expect(new Set(statuses.map(([, status]) => status))).toEqual(new Set([401]));
  });
});
