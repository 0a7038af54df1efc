import { createHash, createHmac } from 'node:crypto';
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

/**
 * hash = HMAC-SHA-256(key, previous hash ‖ canonical JSON of the entry): editing or removing one
 * breaks the chain, and only the key's holder can write one that holds. `key` null: the plain
 * SHA-256 of entries written before the chain was keyed.
 */
export function auditEntryHash(prevHash: string, entry: HashedFields, key: Buffer | null): string {
  const body = canonicalJson({
    ...entry,
    at: entry.at.toISOString(),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
  const digest = key ? createHmac('sha256', key) : createHash('sha256');
  return digest.update(prevHash).update('\n').update(body).digest('hex');
}
