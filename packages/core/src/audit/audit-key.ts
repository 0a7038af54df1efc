import { createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import type { DataKeyRing } from '@linju/auth';

/**
 * The key of each tenant's audit chain: HMAC keys derived (HKDF-SHA-256, one label per tenant) from
 * the data key the server and worker hold. The database never sees it, so neither the app role nor
 * the database's owner can write an entry that verifies.
 *
 * Held per process, set once at start-up (`useAuditKey`) like the logger: every audited change in
 * every service appends through `appendAudit(tx, …)`, and the key is the process's, not the call's.
 * New entries are keyed with the current data key; entries written before a rotation verify with the
 * retired key they were written under, so a retired key stays in the ring while its entries are kept.
 */
let ring: DataKeyRing | null = null;
// Key objects, not Buffers: node:crypto checks a Buffer key's type by throwing, per HMAC.
const derived = new Map<string, KeyObject[]>();

/** Sets the data key (or the whole ring) the audit keys derive from (server, worker, CLI, at start). */
export function useAuditKey(keys: Buffer | DataKeyRing): void {
  const next = Buffer.isBuffer(keys) ? { current: keys, retired: [] } : keys;
  if ([next.current, ...next.retired].some((k) => k.length !== 32))
    throw new Error('The data key must be 32 bytes (base64 of 32 random bytes).');
  ring = next;
  derived.clear();
}

/** The HMAC keys of one tenant's chain, the current one first. */
export function auditKeysOf(tenantId: string): KeyObject[] {
  if (!ring) throw new Error('The audit key is not set: call useAuditKey(dataKey) at start-up.');
  let keys = derived.get(tenantId);
  if (!keys) {
    keys = [ring.current, ...ring.retired].map((master) =>
      createSecretKey(
        Buffer.from(
          hkdfSync('sha256', master, Buffer.alloc(0), `linju/audit-chain/hmac-sha256/${tenantId}`, 32),
        ),
      ),
    );
    derived.set(tenantId, keys);
  }
  return keys;
}

/** The HMAC key new entries of a tenant's chain are written with; refuses when no key was set. */
export const auditKeyOf = (tenantId: string): KeyObject => auditKeysOf(tenantId)[0] as KeyObject;
