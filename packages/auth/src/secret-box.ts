import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { type DataKeyRing, deriveKey, identifiedKeys } from './data-key-ring.ts';

/** Where a sealed value lives; bound into the ciphertext, so it opens nowhere else. */
export type SealedColumn = { table: string; column: string };

/** The tenant a value belongs to; `null` for the platform's own tables (operators). */
export type SealOwner = string | null;

/**
 * Encryption of personal data and secrets at rest (AES-256-GCM), and a keyed hash (HMAC-SHA-256)
 * that finds a value by exact match without decrypting every row. Keys are derived (HKDF) per
 * tenant from the ring's master keys, so one tenant's key opens nothing of another's; the
 * ciphertext's associated data names the tenant, table and column, so a value copied to another
 * row's column, or another tenant's, does not open.
 */
export type SecretBox = {
  encrypt(plaintext: string, owner: SealOwner, at: SealedColumn): string;
  decrypt(sealed: string, owner: SealOwner, at: SealedColumn): string;
  /** `encrypt` for bytes (document chunks), without base64's third more: `v2.<key id>.` then IV, tag, body. */
  sealBytes(plaintext: Uint8Array, owner: SealOwner, at: SealedColumn): Buffer;
  openBytes(sealed: Uint8Array, owner: SealOwner, at: SealedColumn): Buffer;
  /** Deterministic, keyed per tenant: equal inputs give equal outputs; useless without the key. */
  blindIndex(value: string, owner: SealOwner): string;
  /**
   * Every index the value may be stored under until rotation finishes (current key first, then
   * retired keys and the format before per-tenant keys): lookups match any of them.
   */
  blindIndexes(value: string, owner: SealOwner): string[];
  /**
   * Search tokens: keyed hashes (per tenant, a key of their own) of parts of a value (a name's
   * character pairs, a phone's endings), shortened to 16 characters, so a part is found by
   * equality without the database holding it. Under the current key, with its id.
   */
  searchTokens(terms: readonly string[], owner: SealOwner): { key: string; tokens: string[] };
  /** The same terms' tokens under every key of the ring, current first: rows not yet re-tokened still match. */
  searchTokensByKey(terms: readonly string[], owner: SealOwner): string[][];
  /** Values sealed under the current key start with this; anything else is for `linju keys rotate`. */
  currentPrefix: string;
};

/** Before per-tenant keys: one key for all tenants, no associated data, no key id. */
const LEGACY = 'v1';
const VERSION = 'v2';

const ownerLabel = (owner: SealOwner) => (owner === null ? 'platform' : `tenant:${owner}`);
const associatedData = (owner: SealOwner, at: SealedColumn) =>
  Buffer.from(`linju/${VERSION}|${ownerLabel(owner)}|${at.table}|${at.column}`, 'utf8');

function open(key: KeyObject, iv: string, body: string, tag: string, aad?: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** A ring of one when given a single key (tests, tools). */
export function createSecretBox(keys: Buffer | DataKeyRing): SecretBox {
  const ring = Buffer.isBuffer(keys) ? { current: keys, retired: [] } : keys;
  if (ring.current.length !== 32)
    throw new Error('The data key must be 32 bytes (base64 of 32 random bytes).');
  const masters = identifiedKeys(ring);
  const [current] = masters;
  if (!current) throw new Error('The key ring has no current key.');
  // Derivation is cheap but runs per value: a bulk read or a rotation would repeat it per row. Kept
  // as key objects: node:crypto checks a Buffer key's type by throwing, five times a KeyObject's cost.
  const derived = new Map<string, KeyObject>();
  const keyFor = (master: Buffer, masterId: string, label: string) => {
    const name = `${masterId}|${label}`;
    const known = derived.get(name);
    if (known) return known;
    const key = createSecretKey(deriveKey(master, label));
    derived.set(name, key);
    return key;
  };
  const sealingKey = (master: { id: string; key: Buffer }, owner: SealOwner) =>
    keyFor(master.key, master.id, `linju/personal-data/aes-256-gcm/${ownerLabel(owner)}`);
  const indexKey = (master: { id: string; key: Buffer }, owner: SealOwner) =>
    keyFor(master.key, master.id, `linju/personal-data/blind-index/${ownerLabel(owner)}`);
  const searchKey = (master: { id: string; key: Buffer }, owner: SealOwner) =>
    keyFor(master.key, master.id, `linju/personal-data/search-token/${ownerLabel(owner)}`);
  // 96 bits: a false match needs two of a district's parts to collide, and a shorter token leaks less.
  const tokensUnder = (master: { id: string; key: Buffer }, terms: readonly string[], owner: SealOwner) => [
    ...new Set(terms.map((term) => hmac(searchKey(master, owner), term).slice(0, 16))),
  ];
  const legacyKey = (master: { id: string; key: Buffer }, purpose: 'aes-256-gcm' | 'blind-index') =>
    keyFor(master.key, master.id, `linju/personal-data/${purpose}`);
  const hmac = (key: KeyObject, value: string) => createHmac('sha256', key).update(value).digest('base64url');

  return {
    currentPrefix: `${VERSION}.${current.id}.`,
    encrypt(plaintext, owner, at) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', sealingKey(current, owner), iv);
      cipher.setAAD(associatedData(owner, at));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [
        VERSION,
        current.id,
        iv.toString('base64url'),
        body.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
      ].join('.');
    },
    decrypt(sealed, owner, at) {
      const parts = sealed.split('.');
      if (parts[0] === VERSION && parts.length === 5) {
        const [, keyId, iv, body, tag] = parts as [string, string, string, string, string];
        const master = masters.find((m) => m.id === keyId);
        if (!master) throw new Error(`Sealed under key ${keyId}, which is not in the key ring.`);
        return open(sealingKey(master, owner), iv, body, tag, associatedData(owner, at));
      }
      if (parts[0] === LEGACY && parts.length === 4) {
        // No key id then: the key that sealed it is whichever one authenticates it.
        const [, iv, body, tag] = parts as [string, string, string, string];
        for (const master of masters) {
          try {
            return open(legacyKey(master, 'aes-256-gcm'), iv, body, tag);
          } catch {
            // not this key: try the next
          }
        }
        throw new Error('No key of the ring opens this value.');
      }
      throw new Error('Not a sealed value.');
    },
    sealBytes(plaintext, owner, at) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', sealingKey(current, owner), iv);
      cipher.setAAD(associatedData(owner, at));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return Buffer.concat([Buffer.from(`${VERSION}.${current.id}.`), iv, cipher.getAuthTag(), body]);
    },
    openBytes(sealed, owner, at) {
      const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      const keyEnd = bytes.indexOf(0x2e, VERSION.length + 1);
      if (bytes.subarray(0, VERSION.length + 1).toString('latin1') !== `${VERSION}.` || keyEnd < 0)
        throw new Error('Not sealed bytes.');
      const keyId = bytes.subarray(VERSION.length + 1, keyEnd).toString('latin1');
      const master = masters.find((m) => m.id === keyId);
      if (!master) throw new Error(`Sealed under key ${keyId}, which is not in the key ring.`);
      const iv = bytes.subarray(keyEnd + 1, keyEnd + 13);
      const decipher = createDecipheriv('aes-256-gcm', sealingKey(master, owner), iv);
      decipher.setAAD(associatedData(owner, at));
      decipher.setAuthTag(bytes.subarray(keyEnd + 13, keyEnd + 29));
      return Buffer.concat([decipher.update(bytes.subarray(keyEnd + 29)), decipher.final()]);
    },
    blindIndex(value, owner) {
      return hmac(indexKey(current, owner), value);
    },
    blindIndexes(value, owner) {
      const all = [
        ...masters.map((m) => hmac(indexKey(m, owner), value)),
        ...masters.map((m) => hmac(legacyKey(m, 'blind-index'), value)),
      ];
      return [...new Set(all)];
    },
    searchTokens(terms, owner) {
      return { key: current.id, tokens: tokensUnder(current, terms, owner) };
    },
    searchTokensByKey(terms, owner) {
      return masters.map((m) => tokensUnder(m, terms, owner));
    },
  };
}
