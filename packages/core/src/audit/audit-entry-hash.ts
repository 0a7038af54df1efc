import { createHash } from 'node:crypto';
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

/** hash = SHA-256(previous hash ‖ canonical JSON of the entry): editing or removing one breaks the chain. */
export function auditEntryHash(prevHash: string, entry: HashedFields): string {
  const body = canonicalJson({
    ...entry,
    at: entry.at.toISOString(),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
