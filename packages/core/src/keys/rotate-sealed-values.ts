import type { SecretBox } from '@linju/auth';
import {
  and,
  asc,
  type Database,
  eq,
  inArray,
  isNotNull,
  type Queryable,
  type SealedColumnEntry,
  schema,
  sealedColumns,
  sql,
  withTenant,
} from '@linju/db';
import { appendAudit } from '../audit/append-audit.ts';
import { remakeSearchTokens } from './remake-search-tokens.ts';
import { resealDocumentChunks } from './reseal-document-chunks.ts';

/** One batch re-sealed: where, for whom, and how many values. */
export type RotationBatch = { tenant: string; table: string; column: string; resealed: number };

const ROTATION_ACTOR = 'linju keys rotate';

/**
 * Re-seals up to `limit` values of one column not sealed under the ring's current key (the old
 * format or a retired key) and recomputes their blind index, in the caller's transaction. Rows are
 * locked as they are read, so a concurrent write waits and then writes under its own key; the
 * filter makes a re-run pick up exactly what is left.
 */
async function resealBatch(
  tx: Queryable,
  box: SecretBox,
  owner: string | null,
  entry: SealedColumnEntry,
  limit: number,
): Promise<number> {
  // The tenant in the WHERE as well as in RLS: the owner role that rotates may bypass RLS, and ids
  // are unique per tenant only (outbox keys name the sender's referral on both sides of a loopback).
  const ofOwner = entry.tenantId && owner !== null ? eq(entry.tenantId, owner) : undefined;
  const stale = and(
    ofOwner,
    isNotNull(entry.value),
    sql`left(${entry.value}, ${box.currentPrefix.length}) <> ${box.currentPrefix}`,
  );
  const rows = (await tx
    .select({ id: entry.id, value: entry.value })
    .from(entry.source)
    .where(stale)
    .orderBy(asc(entry.id))
    .limit(limit)
    .for('update')) as { id: string; value: string }[];
  for (const row of rows) {
    const plain = box.decrypt(row.value, owner, entry);
    const updated = await tx
      .update(entry.source)
      .set({
        [entry.keys.value]: box.encrypt(plain, owner, entry),
        ...(entry.keys.index ? { [entry.keys.index]: box.blindIndex(plain, owner) } : {}),
      } as never)
      .where(and(ofOwner, eq(entry.id, row.id)))
      .returning({ id: entry.id });
    // A row read but not written would be read again by the next batch, for ever.
    if (updated.length !== 1)
      throw new Error(`${entry.table} ${row.id}: re-sealing wrote ${updated.length} rows`);
  }
  return rows.length;
}

/**
 * `linju keys rotate`: every sealed value of every tenant (and the platform's), and every chunk of
 * its documents in PostgreSQL, re-sealed under the
 * current key with its tenant, table and column bound in, blind indexes and residents' search
 * tokens made again with the tenant's key (and made for residents from before search tokens). Each batch is its own transaction with its audit entry in the tenant's chain, so
 * the stack keeps serving meanwhile and an interrupted run resumes where it stopped. When it
 * returns, retired keys open nothing that is still stored and may be dropped. Runs as the owner
 * role (an operator's command, like migrations): the application role may not rewrite rows that
 * are append-only to it (the documents' chunks).
 */
export async function rotateSealedValues(
  db: Database,
  box: SecretBox,
  options: {
    batchSize?: number;
    onBatch?: (batch: RotationBatch) => void;
    /** Only these tenants (ids), and not the platform's rows: one district at a time. */
    tenantIds?: string[];
  } = {},
): Promise<{ resealed: number }> {
  const limit = options.batchSize ?? 500;
  const entries = Object.values(sealedColumns) as SealedColumnEntry[];
  const tenants = await db
    .select({ id: schema.tenant.id, slug: schema.tenant.slug })
    .from(schema.tenant)
    .where(options.tenantIds ? inArray(schema.tenant.id, options.tenantIds) : undefined);
  let resealed = 0;
  const report = (tenant: string, entry: Pick<SealedColumnEntry, 'table' | 'column'>, count: number) => {
    resealed += count;
    options.onBatch?.({ tenant, table: entry.table, column: entry.column, resealed: count });
  };
  for (const entry of options.tenantIds ? [] : entries.filter((e) => e.tenantId === null)) {
    for (let count = limit; count === limit; ) {
      count = await db.transaction((tx) => resealBatch(tx, box, null, entry, limit));
      if (count > 0) report('platform', entry, count);
    }
  }
  /** Batches of one tenant until one comes back short, each with its audit entry in the tenant's chain. */
  const tenantBatches = async (
    tenant: { id: string; slug: string },
    what: Pick<SealedColumnEntry, 'table' | 'column'>,
    batch: (tx: Queryable) => Promise<number>,
  ) => {
    for (let count = limit; count === limit; ) {
      count = await withTenant(db, tenant.id, async (tx) => {
        const done = await batch(tx);
        if (done > 0) {
          await appendAudit(tx, {
            actorId: null,
            actorName: ROTATION_ACTOR,
            action: 'keys.rotated',
            // The object is the sealed column, named `<table>.<column>`.
            objectType: 'sealed_column',
            objectId: `${what.table}.${what.column}`,
            after: { resealed: done, key: box.currentPrefix.split('.')[1] },
          });
        }
        return done;
      });
      if (count > 0) report(tenant.slug, what, count);
    }
  };
  for (const tenant of tenants) {
    for (const entry of entries.filter((e) => e.tenantId !== null)) {
      await tenantBatches(tenant, entry, (tx) => resealBatch(tx, box, tenant.id, entry, limit));
    }
    // After the phones: the tokens are made from the phone opened under the current key.
    await tenantBatches(tenant, { table: 'resident', column: 'search_tokens' }, (tx) =>
      remakeSearchTokens(tx, box, tenant.id, limit),
    );
    await tenantBatches(tenant, { table: 'document_chunk', column: 'content' }, (tx) =>
      resealDocumentChunks(tx, box, tenant.id, limit),
    );
  }
  return { resealed };
}
