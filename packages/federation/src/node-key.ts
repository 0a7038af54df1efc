import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { secretSetting } from '@linju/db/secret-setting';
import { z } from 'zod';

const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** An Ed25519 public key is 32 bytes: 43 base64url characters without padding. */
const ed25519X = z.string().regex(BASE64URL, 'must be base64url').length(43, 'must encode 32 bytes');

/** An Ed25519 public key as a JWK (RFC 8037), as published in a node's well-known document. */
export const ed25519PublicJwkSchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: ed25519X,
  kid: z.string().min(1).max(200),
  alg: z.enum(['EdDSA', 'Ed25519']).optional(),
  use: z.literal('sig').optional(),
});

/** A published Ed25519 public key with its key id. */
export type Ed25519PublicJwk = z.infer<typeof ed25519PublicJwkSchema>;

const storedKeySchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: ed25519X,
  d: ed25519X,
  kid: z.string().min(1),
});

/** This node's signing key. */
export interface NodeKey {
  /** The key id peers pin; the RFC 7638 thumbprint of the public key. */
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** The public key to publish in the well-known document. */
  readonly publicJwk: Ed25519PublicJwk;
}

/** The file holding the node key inside the directory given to {@link loadOrCreateNodeKey}. */
export const NODE_KEY_FILE = 'node-key.json';

/**
 * The RFC 7638 JWK thumbprint of an Ed25519 public key: SHA-256 over the required members
 * (`crv`, `kty`, `x`) in lexicographic order without whitespace, base64url-encoded.
 */
export function jwkThumbprint(jwk: {
  readonly crv: string;
  readonly kty: string;
  readonly x: string;
}): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return createHash('sha256').update(canonical).digest('base64url');
}

/**
 * What an operator compares with the peer's own operator before pinning: the SHA-256 of the key's
 * RFC 7638 canonical form (the thumbprint), in hex groups of four — `3a5f 09c1 …`, easy to read
 * aloud over the phone. The spec names keys by `kid` only; this is computed, never taken on trust.
 */
export function keyFingerprint(jwk: {
  readonly crv: string;
  readonly kty: string;
  readonly x: string;
}): string {
  const hex = Buffer.from(jwkThumbprint(jwk), 'base64url').toString('hex');
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}

/** A public key object from a published JWK, for verifying a peer's signatures. */
export function publicKeyFromJwk(jwk: Pick<Ed25519PublicJwk, 'kty' | 'crv' | 'x'>): KeyObject {
  return createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
}

function nodeKeyFrom(privateKey: KeyObject, kid: string): NodeKey {
  const publicKey = createPublicKey(privateKey);
  const { x } = publicKey.export({ format: 'jwk' });
  if (typeof x !== 'string') throw new Error('Ed25519 public key without x');
  return {
    kid,
    privateKey,
    publicKey,
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' },
  };
}

/** A node key from the text of `node-key.json`; `source` names where it came from in an error. */
function parseNodeKey(text: string, source: string): NodeKey {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${source} is not an Ed25519 private JWK: not JSON (the content of node-key.json).`);
  }
  const parsed = storedKeySchema.safeParse(json);
  if (!parsed.success) throw new Error(`${source} is not an Ed25519 private JWK: ${parsed.error.message}`);
  const key = nodeKeyFrom(createPrivateKey({ key: parsed.data, format: 'jwk' }), parsed.data.kid);
  if (key.publicJwk.x !== parsed.data.x)
    throw new Error(`${source}: "x" does not belong to the private key "d"`);
  return key;
}

const readNodeKey = async (path: string) => parseNodeKey(await readFile(path, 'utf8'), path);

/**
 * Loads this node's Ed25519 key from `<dir>/node-key.json`, creating the directory and the key on
 * first use. The file is a private JWK with its `kid`, readable by the owner only (mode 0600). It is
 * written under a temporary name and linked into place, so two processes starting at once end up
 * with the same key and nobody reads a half-written file. With `create: false` (production: the
 * key peers pin is made once, by `linju init`) a missing key is refused instead.
 */
export async function loadOrCreateNodeKey(dir: string, options: { create?: boolean } = {}): Promise<NodeKey> {
  const path = join(dir, NODE_KEY_FILE);
  try {
    return await readNodeKey(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (options.create === false)
      throw new Error(
        `No node key at ${path}: production mode makes none. Give every instance the deployment's key (LINJU_NODE_KEY_FILE or LINJU_NODE_KEY), or run linju init once.`,
      );
  }

  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const kid = jwkThumbprint({ crv: 'Ed25519', kty: 'OKP', x: String(jwk.x) });
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(
    temporary,
    `${JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d, kid }, null, 2)}\n`,
    {
      mode: 0o600,
      flag: 'wx',
    },
  );
  try {
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary);
  }
  return readNodeKey(path);
}

/** The folder of the node key inside the data folder, when no variable gives it. */
export const nodeKeyDir = (dataDir: string) => join(dataDir, 'federation');

/**
 * This node's signing key, the same for every instance: the private JWK of `node-key.json` inline
 * in `LINJU_NODE_KEY` or in the secret file `LINJU_NODE_KEY_FILE` (not both), else
 * `<dataDir>/federation/node-key.json` (made on first use unless `create` is false, as in
 * production: a key made by one instance alone would sign what peers pinned for another).
 */
export async function loadNodeKey(
  dataDir: string,
  options: { create: boolean },
  env: NodeJS.ProcessEnv = process.env,
): Promise<NodeKey> {
  const given = secretSetting(env, 'LINJU_NODE_KEY');
  if (given) return parseNodeKey(given, env.LINJU_NODE_KEY_FILE ? 'LINJU_NODE_KEY_FILE' : 'LINJU_NODE_KEY');
  return loadOrCreateNodeKey(nodeKeyDir(dataDir), options);
}
