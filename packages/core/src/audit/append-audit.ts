import { schema, sql, type TenantTx } from '@linju/db';
import type { AuditAction, AuditObjectType } from '@linju/vocabulary';
import { auditEntryHash, GENESIS_HASH } from './audit-entry-hash.ts';
import { auditKeyOf } from './audit-key.ts';

declare const pluginWord: unique symbol;
/** A plugin's own action or object type, checked by {@link pluginAuditWords} to carry the plugin's id. */
export type PluginAuditWord = string & { readonly [pluginWord]: true };

/**
 * A plugin's audit action (`<plugin id>.<what>`) and object type, as the log may record them: a
 * plugin names only its own actions (its messages name them, `<plugin id>.audit.<what>`).
 */
export function pluginAuditWords<T extends { action: string; objectType?: string }>(
  pluginId: string,
  entry: T,
): Omit<T, 'action' | 'objectType'> & { action: PluginAuditWord; objectType: PluginAuditWord } {
  if (!entry.action.startsWith(`${pluginId}.`)) {
    throw new Error(`Plugin "${pluginId}" may only record audit actions starting with "${pluginId}."`);
  }
  return {
    ...entry,
    action: entry.action as PluginAuditWord,
    objectType: (entry.objectType ?? '') as PluginAuditWord,
  };
}

export type AuditInput = {
  actorId: string | null;
  actorName: string;
  /** One of the platform's actions (`@linju/vocabulary`), each named in both languages, or a plugin's own. */
  action: AuditAction | PluginAuditWord;
  objectType: AuditObjectType | PluginAuditWord;
  objectId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
};

/** Plain JSON (dates as strings), so what is hashed is exactly what jsonb gives back. */
const toJson = (value: unknown) => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

/**
 * The tenant's chain head, locked to this transaction's commit (absent before its first entry). Named
 * by the transaction's tenant, not left to row-level security: the owner (`linju keys rotate`) bypasses
 * it, and would otherwise lock every district's head and append to whichever came first.
 */
const lockedHead = (tx: TenantTx) =>
  tx
    .select({ tenantId: schema.auditHead.tenantId, seq: schema.auditHead.seq, hash: schema.auditHead.hash })
    .from(schema.auditHead)
    .where(sql`${schema.auditHead.tenantId} = nullif(current_setting('app.tenant_id', true), '')::uuid`)
    .for('update');

/**
 * Appends one entry to the tenant's hash chain, inside the caller's transaction: the entry
 * commits or rolls back with the change it records. Appends of one tenant are serialised by the
 * lock on its chain head, held to the commit, so the chain never forks. That lock makes every
 * audited change of a district wait on the one before it, so the append is two round trips: the
 * head, read under its lock (a locking read waits for the holder and then sees the head it
 * committed), and the entry written together with the new head.
 */
export async function appendAudit(tx: TenantTx, input: AuditInput): Promise<void> {
  const [head] = await lockedHead(tx);
  const last = head ?? (await firstHead(tx));
  const { tenantId } = last;
  const entry = {
    tenantId,
    seq: last.seq + 1,
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
  const prevHash = last.hash;
  const hash = auditEntryHash(prevHash, entry, auditKeyOf(tenantId));
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

/**
 * A tenant's first entry has no head row to lock: its appends are serialised by an advisory lock
 * on the tenant instead, and the head is read again after it (another first append may have
 * committed meanwhile; its row is then locked like any head).
 */
async function firstHead(tx: TenantTx): Promise<{ tenantId: string; seq: number; hash: string }> {
  const [{ tenantId } = { tenantId: null }] = await tx.execute<{ tenantId: string | null }>(
    sql`select nullif(current_setting('app.tenant_id', true), '') as "tenantId",
      pg_advisory_xact_lock(hashtextextended('audit:' || current_setting('app.tenant_id', true), 0))`,
  );
  if (!tenantId) throw new Error('appendAudit needs a tenant transaction (withTenant)');
  // A statement of its own: its snapshot is taken after the lock.
  const [head] = await lockedHead(tx);
  return head ?? { tenantId, seq: 0, hash: GENESIS_HASH };
}
