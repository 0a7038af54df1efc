import { asc, type Database, desc, isNotNull, schema, type TenantTx, withTenant } from '@linju/db';
import type { AuditCheckpoint, AuditCheckpointLog } from './audit-checkpoint-log.ts';
import { sealAuditChain } from './seal-audit-chain.ts';
import { type AuditChainReport, verifyAuditChain } from './verify-audit-chain.ts';

export type AuditCheckpointResult = { chain: AuditChainReport; checkpoint: AuditCheckpoint | null };

/**
 * Anchors the tenant's chain as it stands now in the checkpoint log, after sealing what was written
 * and verifying it: a chain already broken is reported, never anchored. Nothing is written when no
 * entry was added since the last checkpoint (`checkpoint` null).
 */
export async function checkpointAuditChain(
  tx: TenantTx,
  tenantId: string,
  log: AuditCheckpointLog,
  now: Date = new Date(),
): Promise<AuditCheckpointResult> {
  await sealAuditChain(tx);
  const chain = await verifyAuditChain(tx);
  if (!chain.ok) return { chain, checkpoint: null };
  const [last] = await tx
    .select({ seq: schema.auditEntry.seq, hash: schema.auditEntry.hash })
    .from(schema.auditEntry)
    .where(isNotNull(schema.auditEntry.seq))
    .orderBy(desc(schema.auditEntry.seq))
    .limit(1);
  const previous = (await log.read(tenantId)).at(-1)?.checkpoint;
  if (!last?.seq || !last.hash || previous?.seq === last.seq) return { chain, checkpoint: null };
  const checkpoint = {
    tenantId,
    seq: last.seq,
    hash: last.hash,
    unkeyed: chain.unkeyed,
    at: now.toISOString(),
  };
  await log.append(checkpoint);
  return { chain, checkpoint };
}

/** Every district's chain anchored in turn, suspended ones too (their suspension is audited). */
export async function checkpointAuditChains(
  db: Database,
  log: AuditCheckpointLog,
): Promise<(AuditCheckpointResult & { slug: string })[]> {
  const tenants = await db
    .select({ id: schema.tenant.id, slug: schema.tenant.slug })
    .from(schema.tenant)
    .orderBy(asc(schema.tenant.slug));
  const results = [];
  for (const { id, slug } of tenants) {
    results.push({ slug, ...(await withTenant(db, id, (tx) => checkpointAuditChain(tx, id, log))) });
  }
  return results;
}
