import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataKeyId, loadDataKeyRing } from './data-key-ring.ts';
import { createSecretBox } from './secret-box.ts';

const TENANT_A = '0b6f4e4a-1d1c-4c6e-9a55-6d0f2a5b1e01';
const TENANT_B = '0b6f4e4a-1d1c-4c6e-9a55-6d0f2a5b1e02';
const PHONE = { table: 'resident', column: 'phone_encrypted' };
const ID_NUMBER = { table: 'resident', column: 'id_number_encrypted' };

/** Sealed by the box before per-tenant keys (one key, no associated data), with the key below. */
const LEGACY_KEY = Buffer.alloc(32, 7);
const LEGACY_SEALED = 'v1.JpBEOdV7NSSEtVqj.erRctfSZ1dkeI2k.KJ0Xkvx1udHolNTdMbtyVw';
const LEGACY_INDEX = 'vj_MxktUaUfm0UpNgzs_BEWNKtf6Uicj0zcTL4NtxUc';

describe('the secret box', () => {
  const box = createSecretBox(randomBytes(32));

  it('round-trips, with a fresh nonce each time', () => {
    const a = box.encrypt('110101199003071234', TENANT_A, ID_NUMBER);
    const b = box.encrypt('110101199003071234', TENANT_A, ID_NUMBER);
    expect(a).not.toBe(b);
    expect(box.decrypt(a, TENANT_A, ID_NUMBER)).toBe('110101199003071234');
  });

  it('seals bytes that open only for their tenant and place, and not once tampered', () => {
    const chunk = { table: 'document_chunk', column: 'blob-1/0' };
    const bytes = randomBytes(1000);
    const sealed = box.sealBytes(bytes, TENANT_A, chunk);
    expect(sealed.includes(bytes.subarray(0, 32))).toBe(false);
    expect(box.openBytes(sealed, TENANT_A, chunk)).toEqual(bytes);
    expect(() => box.openBytes(sealed, TENANT_B, chunk)).toThrow();
    expect(() => box.openBytes(sealed, TENANT_A, { ...chunk, column: 'blob-1/1' })).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered.at(-1) ?? 0) ^ 1;
    expect(() => box.openBytes(tampered, TENANT_A, chunk)).toThrow();
  });

  it('refuses a tampered value', () => {
    const sealed = box.encrypt('13800138000', TENANT_A, PHONE);
    const [v, kid, iv, body, tag] = sealed.split('.');
    const flipped = `${v}.${kid}.${iv}.${body?.slice(0, -2)}AA.${tag}`;
    expect(() => box.decrypt(flipped, TENANT_A, PHONE)).toThrow();
  });

  it("does not open tenant A's value as tenant B's, nor as another column's", () => {
    const sealed = box.encrypt('13800138000', TENANT_A, PHONE);
    expect(() => box.decrypt(sealed, TENANT_B, PHONE)).toThrow();
    expect(() => box.decrypt(sealed, TENANT_A, ID_NUMBER)).toThrow();
    expect(() =>
      box.decrypt(sealed, TENANT_A, { table: 'staff_member', column: 'phone_encrypted' }),
    ).toThrow();
    expect(() => box.decrypt(sealed, null, PHONE)).toThrow();
    expect(box.decrypt(sealed, TENANT_A, PHONE)).toBe('13800138000');
  });

  it('gives equal blind indexes for equal values of one tenant only', () => {
    expect(box.blindIndex('13800138000', TENANT_A)).toBe(box.blindIndex('13800138000', TENANT_A));
    expect(box.blindIndex('13800138000', TENANT_A)).not.toBe(box.blindIndex('13800138001', TENANT_A));
    expect(box.blindIndex('13800138000', TENANT_A)).not.toBe(box.blindIndex('13800138000', TENANT_B));
    expect(createSecretBox(randomBytes(32)).blindIndex('13800138000', TENANT_A)).not.toBe(
      box.blindIndex('13800138000', TENANT_A),
    );
  });

  it('names its key in what it seals', () => {
    const key = randomBytes(32);
    const sealed = createSecretBox(key).encrypt('x', TENANT_A, PHONE);
    expect(sealed.startsWith(`v2.${dataKeyId(key)}.`)).toBe(true);
    expect(sealed.startsWith(createSecretBox(key).currentPrefix)).toBe(true);
  });

  it('opens a value sealed before per-tenant keys, and still finds it by its old index', () => {
    const upgraded = createSecretBox(LEGACY_KEY);
    expect(upgraded.decrypt(LEGACY_SEALED, TENANT_A, PHONE)).toBe('13800138000');
    expect(upgraded.blindIndexes('13800138000', TENANT_A)).toContain(LEGACY_INDEX);
    expect(upgraded.blindIndexes('13800138000', TENANT_A)[0]).toBe(
      upgraded.blindIndex('13800138000', TENANT_A),
    );
    expect(() => createSecretBox(randomBytes(32)).decrypt(LEGACY_SEALED, TENANT_A, PHONE)).toThrow();
  });

  it('opens what a retired key sealed, and seals only with the current one', () => {
    const old = randomBytes(32);
    const sealedBefore = createSecretBox(old).encrypt('13800138000', TENANT_A, PHONE);
    const ring = createSecretBox({ current: randomBytes(32), retired: [old, LEGACY_KEY] });
    expect(ring.decrypt(sealedBefore, TENANT_A, PHONE)).toBe('13800138000');
    expect(ring.decrypt(LEGACY_SEALED, TENANT_A, PHONE)).toBe('13800138000');
    expect(ring.encrypt('x', TENANT_A, PHONE).startsWith(ring.currentPrefix)).toBe(true);
    expect(ring.blindIndexes('13800138000', TENANT_A)).toContain(
      createSecretBox(old).blindIndex('13800138000', TENANT_A),
    );
    expect(() => createSecretBox(randomBytes(32)).decrypt(sealedBefore, TENANT_A, PHONE)).toThrow(
      /not in the key ring/,
    );
  });
});

it('makes search tokens per tenant and per key, none of them the blind index or the term', () => {
  const old = randomBytes(32);
  const ring = createSecretBox({ current: randomBytes(32), retired: [old] });
  const { key, tokens } = ring.searchTokens(['phone:8000', 'phone:8000', 'name:张伟'], TENANT_A);
  expect(key).toBe(ring.currentPrefix.split('.')[1]);
  expect(tokens).toHaveLength(2);
  expect(tokens.every((t) => /^[\w-]{16}$/.test(t))).toBe(true);
  expect(tokens).toEqual(ring.searchTokens(['phone:8000', 'name:张伟'], TENANT_A).tokens);
  expect(ring.searchTokens(['phone:8000'], TENANT_B).tokens).not.toEqual(tokens.slice(0, 1));
  expect(ring.blindIndex('phone:8000', TENANT_A).startsWith(tokens[0] ?? '')).toBe(false);
  const byKey = ring.searchTokensByKey(['phone:8000'], TENANT_A);
  expect(byKey).toEqual([
    tokens.slice(0, 1),
    createSecretBox(old).searchTokens(['phone:8000'], TENANT_A).tokens,
  ]);
});
describe('the key ring', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'key-'));

  it('creates its key file once, readable by the owner only', () => {
    const data = dir();
    const first = loadDataKeyRing(data, {});
    expect(loadDataKeyRing(data, {}).current).toEqual(first.current);
    expect(statSync(join(data, 'data-key')).mode & 0o777).toBe(0o600);
  });

  it('in production makes no key of its own: it names the missing setting and writes nothing', () => {
    const data = dir();
    expect(() => loadDataKeyRing(data, { LINJU_ENV: 'production' })).toThrow(
      'Production mode (LINJU_ENV=production) is missing LINJU_DATA_KEY or LINJU_DATA_KEY_FILE.',
    );
    expect(existsSync(join(data, 'data-key'))).toBe(false);
    const key = randomBytes(32);
    expect(
      loadDataKeyRing(data, { LINJU_ENV: 'production', LINJU_DATA_KEY: key.toString('base64') }).current,
    ).toEqual(key);
  });

  it('takes the key from LINJU_DATA_KEY or a secret file, and retired keys beside it', () => {
    const [current, retired, other] = [randomBytes(32), randomBytes(32), randomBytes(32)];
    const data = dir();
    const file = join(data, 'secret');
    writeFileSync(file, `${current.toString('base64')}\n`);
    writeFileSync(join(data, 'data-keys-retired'), `${other.toString('base64')}\n`);
    expect(loadDataKeyRing(data, { LINJU_DATA_KEY: current.toString('base64') }).current).toEqual(current);
    const ring = loadDataKeyRing(data, {
      LINJU_DATA_KEY_FILE: file,
      LINJU_DATA_KEYS_RETIRED: `${retired.toString('base64')},${current.toString('base64')}`,
    });
    expect(ring.current).toEqual(current);
    expect(ring.retired).toEqual([retired, other]);
  });

  it('names the secret file it cannot read', () => {
    expect(() => loadDataKeyRing(dir(), { LINJU_DATA_KEY_FILE: '/nonexistent/key' })).toThrow(
      'LINJU_DATA_KEY_FILE: cannot read /nonexistent/key (ENOENT)',
    );
  });

  it('names the setting whose key is not 32 bytes', () => {
    expect(() => loadDataKeyRing(dir(), { LINJU_DATA_KEY: 'c2hvcnQ=' })).toThrow(
      /LINJU_DATA_KEY must be base64 of 32/,
    );
    expect(() =>
      loadDataKeyRing(dir(), {
        LINJU_DATA_KEY: randomBytes(32).toString('base64'),
        LINJU_DATA_KEYS_RETIRED: 'c2hvcnQ=',
      }),
    ).toThrow(/LINJU_DATA_KEYS_RETIRED/);
  });
});
