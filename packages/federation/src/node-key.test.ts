import { sign, verify } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ed25519PublicJwkSchema,
  jwkThumbprint,
  keyFingerprint,
  loadNodeKey,
  loadOrCreateNodeKey,
  NODE_KEY_FILE,
  nodeKeyDir,
  publicKeyFromJwk,
} from './node-key.ts';
import { RFC9421_TEST_PUBLIC_KEY } from './test-keys.ts';

describe('jwkThumbprint', () => {
  it('matches the RFC 8037 Appendix A.3 example', () => {
    expect(
      jwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }),
    ).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });

  it('ignores members other than crv, kty and x', () => {
    const jwk = RFC9421_TEST_PUBLIC_KEY.export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
    expect(jwkThumbprint({ ...jwk, kid: 'whatever', use: 'sig' } as typeof jwk)).toBe(
      'poqkLGiymh_W0uP6PZFw-dvez3QJT5SolqXBCW38r0U',
    );
  });
});

describe('keyFingerprint', () => {
  it('is the SHA-256 thumbprint in hex groups of four: the RFC 8037 A.3 example, read aloud', () => {
    expect(
      keyFingerprint({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }),
    ).toBe('90fa cafe a9b1 5566 9854 0f70 c011 7a22 ea37 bd5c f3ed 3c47 093c 1707 282b 4b89');
  });
});

describe('loadOrCreateNodeKey', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linju-node-key-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('with create: false (production) refuses a missing key, naming the file, and makes none', async () => {
    const path = join(dir, 'keys', NODE_KEY_FILE);
    await expect(loadOrCreateNodeKey(join(dir, 'keys'), { create: false })).rejects.toThrow(
      `No node key at ${path}: production mode makes none.`,
    );
    await expect(stat(join(dir, 'keys'))).rejects.toThrow();
    const made = await loadOrCreateNodeKey(join(dir, 'keys'));
    expect((await loadOrCreateNodeKey(join(dir, 'keys'), { create: false })).kid).toBe(made.kid);
  });

  it('creates an Ed25519 key on first use, owner-readable only, with its thumbprint as kid', async () => {
    const key = await loadOrCreateNodeKey(join(dir, 'keys'));
    const path = join(dir, 'keys', NODE_KEY_FILE);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(key.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(key.kid).toBe(jwkThumbprint(key.publicJwk));
    expect(ed25519PublicJwkSchema.parse(key.publicJwk)).toEqual(key.publicJwk);
    const stored = JSON.parse(await readFile(path, 'utf8'));
    expect(stored).toMatchObject({ kty: 'OKP', crv: 'Ed25519', x: key.publicJwk.x, kid: key.kid });
    expect(typeof stored.d).toBe('string');
  });

  it('loads the same key afterwards, and signatures verify with the published JWK', async () => {
    const first = await loadOrCreateNodeKey(dir);
    const second = await loadOrCreateNodeKey(dir);
    expect(second.kid).toBe(first.kid);
    const message = Buffer.from('转介');
    expect(
      verify(null, message, publicKeyFromJwk(first.publicJwk), sign(null, message, second.privateKey)),
    ).toBe(true);
  });

  it('gives concurrent first starts one key', async () => {
    const keys = await Promise.all([1, 2, 3, 4].map(() => loadOrCreateNodeKey(dir)));
    expect(new Set(keys.map((key) => key.kid)).size).toBe(1);
  });

  it('refuses a file that is not a consistent Ed25519 private JWK', async () => {
    const key = await loadOrCreateNodeKey(dir);
    const path = join(dir, NODE_KEY_FILE);
    const stored = JSON.parse(await readFile(path, 'utf8'));
    const other = await loadOrCreateNodeKey(join(dir, 'other'));
    await writeFile(path, JSON.stringify({ ...stored, x: other.publicJwk.x }));
    await expect(loadOrCreateNodeKey(dir)).rejects.toThrow('"x" does not belong to the private key "d"');
    await writeFile(path, JSON.stringify({ kty: 'RSA', kid: key.kid }));
    await expect(loadOrCreateNodeKey(dir)).rejects.toThrow('is not an Ed25519 private JWK');
  });
});

describe('loadNodeKey: one key for every instance, from the environment or a secret file', () => {
  let deployment: string;
  let keyText: string;
  let kid: string;
  const instance = () => mkdtemp(join(tmpdir(), 'linju-instance-'));
  beforeEach(async () => {
    deployment = await mkdtemp(join(tmpdir(), 'linju-deployment-'));
    kid = (await loadOrCreateNodeKey(deployment)).kid;
    keyText = await readFile(join(deployment, NODE_KEY_FILE), 'utf8');
  });
  afterEach(async () => {
    await rm(deployment, { recursive: true, force: true });
  });

  it('two instances with their own data folders sign with the key of LINJU_NODE_KEY, and make none', async () => {
    const [a, b] = [await instance(), await instance()];
    const env = { LINJU_NODE_KEY: keyText };
    const [first, second] = [
      await loadNodeKey(a, { create: false }, env),
      await loadNodeKey(b, { create: true }, env),
    ];
    expect([first.kid, second.kid]).toEqual([kid, kid]);
    const message = Buffer.from('转介');
    expect(
      verify(null, message, publicKeyFromJwk(second.publicJwk), sign(null, message, first.privateKey)),
    ).toBe(true);
    await expect(stat(nodeKeyDir(b))).rejects.toThrow();
  });

  it('reads LINJU_NODE_KEY_FILE, a secret file of the same JSON', async () => {
    const secret = join(deployment, 'secret-node-key');
    await writeFile(secret, keyText);
    expect(
      (await loadNodeKey(await instance(), { create: false }, { LINJU_NODE_KEY_FILE: secret })).kid,
    ).toBe(kid);
  });

  it('names the variable when its key is not a usable one, or its file cannot be read', async () => {
    await expect(loadNodeKey(deployment, { create: false }, { LINJU_NODE_KEY: 'not json' })).rejects.toThrow(
      'LINJU_NODE_KEY is not an Ed25519 private JWK: not JSON',
    );
    await expect(
      loadNodeKey(deployment, { create: false }, { LINJU_NODE_KEY: JSON.stringify({ kty: 'RSA' }) }),
    ).rejects.toThrow('LINJU_NODE_KEY is not an Ed25519 private JWK');
    await expect(
      loadNodeKey(deployment, { create: false }, { LINJU_NODE_KEY_FILE: '/nonexistent/node-key' }),
    ).rejects.toThrow('LINJU_NODE_KEY_FILE: cannot read /nonexistent/node-key (ENOENT).');
  });

  it("without either, the data folder's key; in production (create: false) a missing one is refused, naming both variables", async () => {
    const folder = await instance();
    await expect(loadNodeKey(folder, { create: false }, {})).rejects.toThrow(
      "Give every instance the deployment's key (LINJU_NODE_KEY_FILE or LINJU_NODE_KEY)",
    );
    const made = await loadNodeKey(folder, { create: true }, {});
    expect((await loadNodeKey(folder, { create: false }, {})).kid).toBe(made.kid);
    expect((await stat(join(nodeKeyDir(folder), NODE_KEY_FILE))).isFile()).toBe(true);
  });
});
