import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantId, tenantIsolation } from './tenancy.ts';

/**
 * Append-only audit log, one hash chain per tenant: `hash = HMAC-SHA-256(tenant's audit key,
 * prevHash ‖ canonical entry)`, the key derived from the data key the server holds and the database
 * never sees (entries before `audit_unkeyed_prefix` ends: plain SHA-256). The app role may insert
 * and select, never update or delete (see the grants migration).
 */
export const auditEntry = pgTable(
  'audit_entry',
  {
    tenantId: tenantId(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.seq] }),
    index('audit_entry_object_idx').on(t.tenantId, t.objectType, t.objectId),
    tenantIsolation('audit_entry'),
  ],
).enableRLS();

/**
 * The head of each tenant's chain (last seq and hash), written in the same transaction as the
 * entry: removing entries from the end of the chain then no longer goes unnoticed.
 */
export const auditHead = pgTable(
  'audit_head',
  {
    tenantId: tenantId().primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
  },
  () => [tenantIsolation('audit_head')],
).enableRLS();

/**
 * How far each tenant's chain was written unkeyed (plain SHA-256), before its entries were keyed:
 * filled once by the migration that keyed the chain, read-only to the app role, so no entry it
 * appends later can pass as an unkeyed one. A tenant without a row has a keyed chain throughout.
 */
export const auditUnkeyedPrefix = pgTable(
  'audit_unkeyed_prefix',
  {
    tenantId: tenantId().primaryKey(),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  },
  () => [tenantIsolation('audit_unkeyed_prefix')],
).enableRLS();
