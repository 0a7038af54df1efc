import { and, asc, type Database, gt, isNull, schema, sql, type TenantTx, withTenant } from '@linju/db';
import { auditEntryHash, entryFieldsOf, GENESIS_HASH, unsealedEntryMac } from './audit-entry-hash.ts';
import { auditKeyOf, auditKeysOf } from './audit-key.ts';

type EntryRow = typeof schema.auditEntry.$inferSelect;

/** Whether an unsealed entry's MAC holds under one of its tenant's audit keys (its writer held one). */
export const writerHeldKey = (row: EntryRow): boolean => {
  const { nonce, mac } = row;
  if (!nonce || !mac) return false;
  const fields = { ...entryFieldsOf(row), nonce };
  return auditKeysOf(row.tenantId).some((key) => unsealedEntryMac(fields, key) === mac);
};

/** Entries chained per statement pair (one read, one update). */
const BATCH = 500;

type Head = { tenantId: string; seq: number; hash: string };

/** Entries the sealer chained, and those it left unsealed because their writer did not hold the key. */
export type SealReport = { sealed: number; forged: number };

const transactionTenant = sql`nullif(current_setting('app.tenant_id', true), '')::uuid`;

/**
 * The tenant's chain head, locked to this transaction's commit (absent before its first entry). Named
 * by the transaction's tenant, not left to row-level security: the owner (`linju keys rotate`) bypasses
 * it, and would otherwise lock every district's head and seal whichever came first.
 */
const lockedHead = (tx: TenantTx) =>
  tx
    .select({ tenantId: schema.auditHead.tenantId, seq: schema.auditHead.seq, hash: schema.auditHead.hash })
    .from(schema.auditHead)
    .where(sql`${schema.auditHead.tenantId} = ${transactionTenant}`)
    .for('update');

/**
 * A tenant's first sealing has no head row to lock: it takes an advisory lock on the tenant instead,
 * and reads the head again after it (another sealer may have committed the first head meanwhile;
 * its row is then locked like any head).
 */
async function firstHead(tx: TenantTx): Promise<Head> {
  const [{ tenantId } = { tenantId: null }] = await tx.execute<{ tenantId: string | null }>(
    sql`select nullif(current_setting('app.tenant_id', true), '') as "tenantId",
      pg_advisory_xact_lock(hashtextextended('audit:' || current_setting('app.tenant_id', true), 0))`,
  );
  if (!tenantId) throw new Error('sealAuditChain needs a tenant transaction (withTenant)');
  // A statement of its own: its snapshot is taken after the lock.
  const [head] = await lockedHead(tx);
  return head ?? { tenantId, seq: 0, hash: GENESIS_HASH };
}

/**
 * Chains the tenant's unsealed entries in the order they were written (`id`), in batches: the head
 * is locked once, each entry takes the next seq and links to the one before, and the head moves to
 * the last. Two sealers of one tenant queue on the head's lock; the second then finds only what the
 * first left (each read is a statement of its own, after the lock). Entries of a transaction still
 * open are not seen and wait for the next sealing; a rolled-back transaction's are never seen. An
 * entry whose MAC does not hold (written by SQL without the key) is never chained: it stays
 * unsealed, and `verifyAuditChain` names it.
 */
export async function sealAuditChain(tx: TenantTx): Promise<SealReport> {
  const report: SealReport = { sealed: 0, forged: 0 };
  // The sweep visits every district: one without an unsealed entry is passed over unlocked.
  const [pending] = await tx
    .select({ id: schema.auditEntry.id })
    .from(schema.auditEntry)
    .where(and(sql`${schema.auditEntry.tenantId} = ${transactionTenant}`, isNull(schema.auditEntry.seq)))
    .limit(1);
  if (!pending) return report;
  const [head] = await lockedHead(tx);
  let last = head ?? (await firstHead(tx));
  let after = 0;
  for (;;) {
    const rows = await tx
      .select()
      .from(schema.auditEntry)
      .where(
        and(
          sql`${schema.auditEntry.tenantId} = ${transactionTenant}`,
          isNull(schema.auditEntry.seq),
          gt(schema.auditEntry.id, after),
        ),
      )
      .orderBy(asc(schema.auditEntry.id))
      .limit(BATCH);
    const sealed: { id: number; seq: number; prev_hash: string; hash: string }[] = [];
    for (const row of rows) {
      after = row.id;
      if (!writerHeldKey(row)) {
        report.forged += 1;
        continue;
      }
      const seq = last.seq + 1;
      const hash = auditEntryHash(last.hash, { ...entryFieldsOf(row), seq }, auditKeyOf(last.tenantId));
      sealed.push({ id: row.id, seq, prev_hash: last.hash, hash });
      last = { tenantId: last.tenantId, seq, hash };
    }
    if (sealed.length > 0) {
      await tx.execute(sql`
        update audit_entry e set seq = s.seq, prev_hash = s.prev_hash, hash = s.hash
        from jsonb_to_recordset(${JSON.stringify(sealed)}::jsonb) as s(id bigint, seq bigint, prev_hash text, hash text)
        where e.tenant_id = ${transactionTenant} and e.id = s.id`);
      report.sealed += sealed.length;
    }
    if (rows.length < BATCH) break;
  }
  if (report.sealed > 0) {
    const { tenantId, seq, hash } = last;
    await tx
      .insert(schema.auditHead)
      .values({ tenantId, seq, hash })
      .onConflictDoUpdate({ target: schema.auditHead.tenantId, set: { seq, hash } });
  }
  return report;
}

/** Seals one district's chain in a transaction of its own (the worker, on each insert's notice). */
export const sealTenantAuditChain = (db: Database, tenantId: string): Promise<SealReport> =>
  withTenant(db, tenantId, sealAuditChain);

/**
 * Every district's chain sealed in turn: the worker's sweep, for what a missed notice or a crash
 * between an entry's commit and its sealing left, and tests that read the chain right after a change.
 */
export async function sealAuditChains(db: Database): Promise<SealReport> {
  const tenants = await db.select({ id: schema.tenant.id }).from(schema.tenant);
  const total: SealReport = { sealed: 0, forged: 0 };
  for (const { id } of tenants) {
    const { sealed, forged } = await sealTenantAuditChain(db, id);
    total.sealed += sealed;
    total.forged += forged;
  }
  return total;
}
