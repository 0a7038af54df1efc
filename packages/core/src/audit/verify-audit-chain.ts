import { asc, gt, schema, type TenantTx } from '@linju/db';
import { auditEntryHash, GENESIS_HASH } from './audit-entry-hash.ts';
import { auditKeysOf } from './audit-key.ts';

/**
 * `unkeyed`: the chain's first entries up to this seq were written before it was keyed and hold by
 * plain SHA-256 only: anyone with the database could have rewritten those consistently.
 */
export type AuditChainReport =
  | { ok: true; entries: number; unkeyed: number }
  | {
      ok: false;
      entries: number;
      unkeyed: number;
      brokenAt: number;
      reason: 'edited' | 'missing' | 'relinked';
    };

const PAGE = 1000;

/**
 * Walks the tenant's chain in order, recomputing every hash with the tenant's audit key (the
 * unkeyed prefix without); reports the first entry that does not hold. An entry written by anyone
 * without the key, the app role by SQL or the database's owner, is `edited`.
 */
export async function verifyAuditChain(tx: TenantTx): Promise<AuditChainReport> {
  const [prefix] = await tx.select().from(schema.auditUnkeyedPrefix);
  const unkeyedThrough = prefix?.lastSeq ?? 0;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  const report = (entries: number) => ({ entries, unkeyed: unkeyedThrough });
  for (;;) {
    const rows = await tx
      .select()
      .from(schema.auditEntry)
      .where(gt(schema.auditEntry.seq, expectedSeq - 1))
      .orderBy(asc(schema.auditEntry.seq))
      .limit(PAGE);
    for (const row of rows) {
      if (row.seq !== expectedSeq)
        return { ok: false, ...report(count), brokenAt: expectedSeq, reason: 'missing' };
      if (row.prevHash !== prevHash)
        return { ok: false, ...report(count), brokenAt: row.seq, reason: 'relinked' };
      const { prevHash: _, hash, ...fields } = row;
      const keys = row.seq <= unkeyedThrough ? [null] : auditKeysOf(row.tenantId);
      if (!keys.some((key) => auditEntryHash(prevHash, fields, key) === hash))
        return { ok: false, ...report(count), brokenAt: row.seq, reason: 'edited' };
      prevHash = hash;
      expectedSeq += 1;
      count += 1;
    }
    if (rows.length < PAGE) {
      // The chain must end where the head says: entries cut from the end leave the head ahead.
      const [head] = await tx.select().from(schema.auditHead);
      if (head && (head.seq !== count || head.hash !== prevHash)) {
        return { ok: false, ...report(count), brokenAt: count + 1, reason: 'missing' };
      }
      return { ok: true, ...report(count) };
    }
  }
}
