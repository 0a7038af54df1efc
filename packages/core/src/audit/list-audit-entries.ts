import { and, desc, eq, lt, type SQL, schema, sql, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, requireTenantWide } from '../actor.ts';

/**
 * How far the log's numbered pages and its count reach (as the case ledger's): an exact count up to
 * here, "at least" past it; further back the `before` cursor starts the count again.
 */
export const AUDIT_PAGE_REACH = 1000;

export const ZAuditQuery = z
  .object({
    /** Entries written before this one (its `id`: the cursor of the previous page). */
    before: z.number().int().positive().optional(),
    /** A numbered page (1 = the newest) of `limit` entries after the cursor, within AUDIT_PAGE_REACH. */
    page: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(200).default(50),
    objectType: z.string().max(40).optional(),
    objectId: z.string().max(80).optional(),
  })
  .refine((q) => !q.page || q.page * q.limit <= AUDIT_PAGE_REACH, {
    message: 'audit.page_out_of_reach',
    path: ['page'],
  });

/**
 * The audit log, newest first in the order entries were written (sealed or not yet), a page at a
 * time (cursor: the last entry's `id` seen; or a numbered page after it), with how many entries the
 * filter holds after the cursor, counted up to AUDIT_PAGE_REACH.
 */
export async function listAuditEntries(tx: TenantTx, actor: Actor, query: z.input<typeof ZAuditQuery>) {
  requireTenantWide(actor, 'audit.read');
  const q = ZAuditQuery.parse(query);
  const filters = [
    q.before ? lt(schema.auditEntry.id, q.before) : undefined,
    q.objectType ? eq(schema.auditEntry.objectType, q.objectType) : undefined,
    q.objectId ? eq(schema.auditEntry.objectId, q.objectId) : undefined,
  ].filter((f): f is SQL => f !== undefined);
  const where = filters.length ? and(...filters) : undefined;
  const rows = await tx
    .select({
      id: schema.auditEntry.id,
      /** Its place in the chain; null until the sealer chained it (moments after its commit). */
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
    .where(where)
    .orderBy(desc(schema.auditEntry.id))
    .offset(q.page ? (q.page - 1) * q.limit : 0)
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const found = tx
    .select({ one: sql`1`.as('one') })
    .from(schema.auditEntry)
    .where(where)
    .limit(AUDIT_PAGE_REACH)
    .as('found');
  const [counted] = await tx.select({ n: sql<number>`count(*)::int` }).from(found);
  const count = counted?.n ?? 0;
  return {
    entries: page,
    nextBefore: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
    total: { count, capped: count >= AUDIT_PAGE_REACH },
  };
}
