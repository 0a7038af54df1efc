import { hkdfSync } from 'node:crypto';

/**
 * The key of each tenant's audit chain: HMAC keys derived (HKDF-SHA-256, one label per tenant) from
 * the data key the server and worker hold. The database never sees it, so neither the app role nor
 * the database's owner can write an entry that verifies.
 *
 * Held per process, set once at start-up (`useAuditKey`) like the logger: every audited change in
 * every service appends through `appendAudit(tx, …)`, and the key is the process's, not the call's.
 */
let dataKey: Buffer | null = null;
const derived = new Map<string, Buffer>();

/** Sets the data key the audit keys derive from (the server, the worker, the CLI, at start). */
export function useAuditKey(key: Buffer): void {
  if (key.length !== 32) throw new Error('The data key must be 32 bytes (base64 of 32 random bytes).');
  dataKey = key;
  derived.clear();
}

/** The HMAC key of one tenant's chain; refuses when no key was set, so nothing is written unkeyed. */
export function auditKeyOf(tenantId: string): Buffer {
  if (!dataKey) throw new Error('The audit key is not set: call useAuditKey(dataKey) at start-up.');
  let key = derived.get(tenantId);
  if (!key) {
    key = Buffer.from(
      hkdfSync('sha256', dataKey, Buffer.alloc(0), `linju/audit-chain/hmac-sha256/${tenantId}`, 32),
    );
    derived.set(tenantId, key);
  }
  return key;
}
