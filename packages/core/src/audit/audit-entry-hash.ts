import { createHash, createHmac, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);

export type HashedFields = {
  tenantId: string;
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  objectType: string;
  objectId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
};

/** What the writer of an unsealed entry vouches for: the entry as it will be chained, less its place. */
export type UnsealedFields = Omit<HashedFields, 'seq'> & { nonce: string };

const canonicalEntry = (entry: HashedFields | UnsealedFields) =>
  canonicalJson({
    ...entry,
    at: entry.at.toISOString(),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });

/**
 * hash = HMAC-SHA-256(key, previous hash ‖ canonical JSON of the entry): editing or removing one
 * breaks the chain, and only the key's holder can write one that holds. `key` null: the plain
 * SHA-256 of entries written before the chain was keyed.
 */
export function auditEntryHash(prevHash: string, entry: HashedFields, key: KeyObject | null): string {
  const digest = key ? createHmac('sha256', key) : createHash('sha256');
  return digest.update(prevHash).update('\n').update(canonicalEntry(entry)).digest('hex');
}

/**
 * mac = HMAC-SHA-256(key, "unsealed" ‖ canonical JSON of the entry with its nonce), written with the
 * entry: the sealer chains only entries whose writer held the key, so the app role can have neither
 * an entry of its own making sealed nor a copy of another (the nonce is unique in the tenant).
 */
export function unsealedEntryMac(entry: UnsealedFields, key: KeyObject): string {
  return createHmac('sha256', key).update('unsealed\n').update(canonicalEntry(entry)).digest('hex');
}

/** An entry as stored (`audit_entry`): the fields the chain hashes, without its place in it. */
export const entryFieldsOf = (row: Omit<HashedFields, 'seq'>): Omit<HashedFields, 'seq'> => ({
  tenantId: row.tenantId,
  at: row.at,
  actorId: row.actorId,
  actorName: row.actorName,
  action: row.action,
  objectType: row.objectType,
  objectId: row.objectId,
  before: row.before,
  after: row.after,
  requestId: row.requestId,
});
