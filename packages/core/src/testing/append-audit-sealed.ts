import { sql, type TenantTx } from '@linju/db';
import type { AuditInput } from '../audit/append-audit.ts';
import { auditEntryHash, GENESIS_HASH } from '../audit/audit-entry-hash.ts';
import { auditKeyOf } from '../audit/audit-key.ts';

type Head = { seq: number; hash: string };

/** Plain JSON as jsonb gives it back (what is hashed), SQL null for none. */
const toJson = (value: unknown) => (value == null ? null : JSON.parse(JSON.stringify(value)));
const jsonb = (value: unknown) => (value === null ? null : JSON.stringify(value));

const lockedHead = async (tx: TenantTx): Promise<Head | undefined> => {
  const [head] = await tx.execute<{ seq: string; hash: string }>(sql`
    select seq, hash from audit_head
    where tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid for update`);
  return head && { seq: Number(head.seq), hash: head.hash };
};

/**
 * How releases before the sealer (migration 0068) appended an entry, still the way of a previous
 * release's server during a rolling upgrade: chained at once under the head's lock (a tenant's first
 * entry under an advisory lock), the head moved with it. Plain SQL naming only the columns those
 * releases knew, so it writes into an older release's schema too.
 */
export async function appendAuditSealed(tx: TenantTx, tenantId: string, input: AuditInput): Promise<void> {
  let head = await lockedHead(tx);
  if (!head) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`audit:${tenantId}`}, 0))`);
    head = (await lockedHead(tx)) ?? { seq: 0, hash: GENESIS_HASH };
  }
  const entry = {
    tenantId,
    seq: head.seq + 1,
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
  const hash = auditEntryHash(head.hash, entry, auditKeyOf(tenantId));
  await tx.execute(sql`
    insert into audit_entry (tenant_id, seq, at, actor_id, actor_name, action, object_type, object_id,
      before, after, request_id, prev_hash, hash)
    values (${tenantId}, ${entry.seq}, ${entry.at.toISOString()}::timestamptz, ${entry.actorId},
      ${entry.actorName}, ${entry.action}, ${entry.objectType}, ${entry.objectId},
      ${jsonb(entry.before)}::jsonb, ${jsonb(entry.after)}::jsonb, ${entry.requestId}, ${head.hash}, ${hash})`);
  await tx.execute(sql`
    insert into audit_head (tenant_id, seq, hash) values (${tenantId}, ${entry.seq}, ${hash})
    on conflict (tenant_id) do update set seq = excluded.seq, hash = excluded.hash`);
}
