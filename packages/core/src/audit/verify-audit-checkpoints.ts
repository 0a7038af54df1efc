import { eq, schema, type TenantTx } from '@linju/db';
import type { AuditCheckpointLog } from './audit-checkpoint-log.ts';

export type AuditCheckpointReport =
  | { ok: true; checkpoints: number }
  /** `rewritten`: entry `seq` no longer has the anchored hash (or is gone). */
  | { ok: false; checkpoints: number; reason: 'rewritten'; seq: number; line: number }
  /** `unsigned`: a line of the log is not a checkpoint this node signed. */
  | { ok: false; checkpoints: number; reason: 'unsigned'; line: number };

/**
 * Checks every checkpoint anchored for the tenant against its chain in the database: an entry
 * rewritten after it was anchored, and every entry before it (the hashes chain), is caught even
 * if whoever rewrote it recomputed every hash with the audit key.
 */
export async function verifyAuditCheckpoints(
  tx: TenantTx,
  tenantId: string,
  log: AuditCheckpointLog,
): Promise<AuditCheckpointReport> {
  const [prefix] = await tx.select().from(schema.auditUnkeyedPrefix);
  const unkeyed = prefix?.lastSeq ?? 0;
  let checked = 0;
  for (const { line, checkpoint, signed } of await log.read(tenantId)) {
    if (!checkpoint || !signed) return { ok: false, checkpoints: checked, reason: 'unsigned', line };
    // Entries declared unkeyed after the fact would need no key to rewrite: the first one moved.
    if (checkpoint.unkeyed !== unkeyed) {
      const seq = Math.min(checkpoint.unkeyed, unkeyed) + 1;
      return { ok: false, checkpoints: checked, reason: 'rewritten', seq, line };
    }
    const [entry] = await tx
      .select({ hash: schema.auditEntry.hash })
      .from(schema.auditEntry)
      .where(eq(schema.auditEntry.seq, checkpoint.seq));
    if (entry?.hash !== checkpoint.hash)
      return { ok: false, checkpoints: checked, reason: 'rewritten', seq: checkpoint.seq, line };
    checked += 1;
  }
  return { ok: true, checkpoints: checked };
}
