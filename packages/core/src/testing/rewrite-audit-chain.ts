import type { KeyObject } from 'node:crypto';
import { and, asc, type Database, eq, gte, schema } from '@linju/db';
import { auditEntryHash, entryFieldsOf, GENESIS_HASH } from '../audit/audit-entry-hash.ts';

/**
 * What someone holding the database's owner role can do to a tenant's audit chain: edit entry
 * `from` (its actor's name), then re-hash and re-link it and every later entry with `key` (null:
 * plain SHA-256, as anyone can; the audit key: as whoever also stole it), and move the head along.
 */
export async function rewriteAuditChain(
  owner: Database,
  tenantId: string,
  from: number,
  key: KeyObject | null,
): Promise<void> {
  await owner.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(schema.auditEntry)
      .where(and(eq(schema.auditEntry.tenantId, tenantId), gte(schema.auditEntry.seq, from - 1)))
      .orderBy(asc(schema.auditEntry.seq));
    let prevHash = from === 1 ? GENESIS_HASH : (rows.shift()?.hash ?? GENESIS_HASH);
    for (const row of rows) {
      const seq = row.seq as number; // the sealed entries only: gte() passes over the unsealed
      const fields = { ...entryFieldsOf(row), seq };
      const rewritten = seq === from ? { ...fields, actorName: 'someone else' } : fields;
      const hash = auditEntryHash(prevHash, rewritten, key);
      await tx
        .update(schema.auditEntry)
        .set({ actorName: rewritten.actorName, prevHash, hash })
        .where(and(eq(schema.auditEntry.tenantId, tenantId), eq(schema.auditEntry.seq, seq)));
      prevHash = hash;
    }
    await tx.update(schema.auditHead).set({ hash: prevHash }).where(eq(schema.auditHead.tenantId, tenantId));
  });
}
