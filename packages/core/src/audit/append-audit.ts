import { schema, sql, type TenantTx } from '@linju/db';
import { auditEntryHash, GENESIS_HASH } from './audit-entry-hash.ts';

export type AuditInput = {
  actorId: string | null;
  actorName: string;
  action: string;
  objectType: string;
  objectId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
};

/** Plain JSON (dates as strings), so what is hashed is exactly what jsonb gives back. */
const toJson = (value: unknown) => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

/**
 * Appends one entry to the tenant's hash chain, inside the caller's transaction: the entry
 * commits or rolls back with the change it records. Appends of one tenant are serialised by an
 * advisory lock, held to the commit, so the chain never forks. The lock makes every audited
 * change of a district wait on the one before it, so the append is three round trips: the lock
 * (with the tenant it is for), the head, and the entry written together with the new head.
 */
export async function appendAudit(tx: TenantTx, input: AuditInput): Promise<void> {
  const [{ tenantId } = { tenantId: null }] = await tx.execute<{ tenantId: string | null }>(
    sql`select nullif(current_setting('app.tenant_id', true), '') as "tenantId",
      pg_advisory_xact_lock(hashtextextended('audit:' || current_setting('app.tenant_id', true), 0))`,
  );
  if (!tenantId) throw new Error('appendAudit needs a tenant transaction (withTenant)');
  // A statement of its own: its snapshot is taken after the lock, so it sees the head the
  // previous holder committed.
  const [last] = await tx
    .select({ seq: schema.auditHead.seq, hash: schema.auditHead.hash })
    .from(schema.auditHead);
  const entry = {
    tenantId,
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actorId: input.actorId,
    actorName: input.actorName,
    action: input.action,
    objectType: input.objectType,
    objectId: input.objectId,
    before: toJson(input.before),
    after: toJson(input.after),
    requestId: input.requestId ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = auditEntryHash(prevHash, entry);
  const appended = tx.$with('appended').as(
    tx
      .insert(schema.auditEntry)
      .values({ ...entry, prevHash, hash })
      .returning({ seq: schema.auditEntry.seq }),
  );
  await tx
    .with(appended)
    .insert(schema.auditHead)
    .values({ tenantId, seq: entry.seq, hash })
    .onConflictDoUpdate({ target: schema.auditHead.tenantId, set: { seq: entry.seq, hash } });
}
