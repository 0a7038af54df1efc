import { and, desc, eq, lt, schema, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, requireTenantWide } from '../actor.ts';

export const ZAuditQuery = z.object({
  /** Entries before this sequence number (the cursor of the previous page). */
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(50),
  objectType: z.string().max(40).optional(),
  objectId: z.string().max(80).optional(),
});

/** The audit log, newest first, a page at a time (cursor: the last seq seen). */
export async function listAuditEntries(tx: TenantTx, actor: Actor, query: z.input<typeof ZAuditQuery>) {
  requireTenantWide(actor, 'audit.read');
  const q = ZAuditQuery.parse(query);
  const filters = [
    q.before ? lt(schema.auditEntry.seq, q.before) : undefined,
    q.objectType ? eq(schema.auditEntry.objectType, q.objectType) : undefined,
    q.objectId ? eq(schema.auditEntry.objectId, q.objectId) : undefined,
  ].filter((f) => f !== undefined);
  const rows = await tx
    .select({
      seq: schema.auditEntry.seq,
      at: schema.auditEntry.at,
      actorId: schema.auditEntry.actorId,
      actorName: schema.auditEntry.actorName,
      action: schema.auditEntry.action,
      objectType: schema.auditEntry.objectType,
      objectId: schema.auditEntry.objectId,
      before: schema.auditEntry.before,
      after: schema.auditEntry.after,
      requestId: schema.auditEntry.requestId,
    })
    .from(schema.auditEntry)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(schema.auditEntry.seq))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { entries: page, nextBefore: rows.length > q.limit ? (page.at(-1)?.seq ?? null) : null };
}
