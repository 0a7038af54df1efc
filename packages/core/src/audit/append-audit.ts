import { randomUUID } from 'node:crypto';
import { boundTenantOf, schema, sql, type TenantTx } from '@linju/db';
import type { AuditAction, AuditObjectType } from '@linju/vocabulary';
import { unsealedEntryMac } from './audit-entry-hash.ts';
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
 * Writes one audit entry, inside the caller's transaction: the entry commits or rolls back with the
 * change it records. It is written unsealed — no seq, no link, no lock on the district's chain, so
 * audited changes of one district never wait on each other — with the writer's MAC over it; the
 * sealer (`sealAuditChain`, woken by the insert) chains it soon after it commits. One statement.
 */
export async function appendAudit(tx: TenantTx, input: AuditInput): Promise<void> {
  const tenantId = boundTenantOf(tx) ?? (await transactionTenant(tx));
  const entry = {
    tenantId,
    at: new Date(),
    actorId: input.actorId,
    actorName: input.actorName,
    action: input.action,
    objectType: input.objectType,
    objectId: input.objectId,
    before: toJson(input.before),
    after: toJson(input.after),
    requestId: input.requestId ?? null,
    nonce: randomUUID(),
  };
  await tx.insert(schema.auditEntry).values({ ...entry, mac: unsealedEntryMac(entry, auditKeyOf(tenantId)) });
}

/** The tenant of a transaction bound without `withTenant`; refuses one bound to none. */
async function transactionTenant(tx: TenantTx): Promise<string> {
  const [{ tenantId } = { tenantId: null }] = await tx.execute<{ tenantId: string | null }>(
    sql`select nullif(current_setting('app.tenant_id', true), '') as "tenantId"`,
  );
  if (!tenantId) throw new Error('appendAudit needs a tenant transaction (withTenant)');
  return tenantId;
}
