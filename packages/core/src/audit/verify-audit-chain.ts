import { asc, gt, schema, type TenantTx } from '@linju/db';
import { auditEntryHash, GENESIS_HASH } from './audit-entry-hash.ts';

export type AuditChainReport =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number; reason: 'edited' | 'missing' | 'relinked' };

const PAGE = 1000;

/** Walks the tenant's chain in order, recomputing every hash; reports the first entry that does not hold. */
export async function verifyAuditChain(tx: TenantTx): Promise<AuditChainReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await tx
      .select()
      .from(schema.auditEntry)
      .where(gt(schema.auditEntry.seq, expectedSeq - 1))
      .orderBy(asc(schema.auditEntry.seq))
      .limit(PAGE);
    for (const row of rows) {
      if (row.seq !== expectedSeq)
        return { ok: false, entries: count, brokenAt: expectedSeq, reason: 'missing' };
      if (row.prevHash !== prevHash)
        return { ok: false, entries: count, brokenAt: row.seq, reason: 'relinked' };
      const { prevHash: _, hash, ...fields } = row;
      if (auditEntryHash(prevHash, fields) !== hash)
        return { ok: false, entries: count, brokenAt: row.seq, reason: 'edited' };
      prevHash = hash;
      expectedSeq += 1;
      count += 1;
    }
    if (rows.length < PAGE) {
      // The chain must end where the head says: entries cut from the end leave the head ahead.
      const [head] = await tx.select().from(schema.auditHead);
      if (head && (head.seq !== count || head.hash !== prevHash)) {
        return { ok: false, entries: count, brokenAt: count + 1, reason: 'missing' };
      }
      return { ok: true, entries: count };
    }
  }
}
