import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  jsonb,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { APP_ROLE, tenantId, tenantIsolation } from './tenancy.ts';

/**
 * Append-only audit log, one hash chain per tenant: `hash = HMAC-SHA-256(tenant's audit key,
 * prevHash ‖ canonical entry)`, the key derived from the data key the server holds and the database
 * never sees (entries before `audit_unkeyed_prefix` ends: plain SHA-256).
 *
 * An audited change writes its entry unsealed (`seq`, `prevHash`, `hash` null), numbered only by
 * `id` in insert order and vouched for by `mac` (the same key, over `nonce` and the entry); the
 * sealer chains unsealed entries in batches under the head's lock. The app role may insert entries
 * and seal unsealed ones, never change what an entry says nor an entry once sealed (see migration
 * 0068's policy and grant); an entry it inserts sealed without the key fails verification.
 */
export const auditEntry = pgTable(
  'audit_entry',
  {
    tenantId: tenantId(),
    /** Insert order across every tenant: the log's order, and the order entries are sealed in. */
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity().notNull(),
    seq: bigint('seq', { mode: 'number' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    /** Random per entry, inside `mac` and unique: an unsealed entry cannot be copied to be sealed twice. */
    nonce: uuid('nonce'),
    /** HMAC of the unsealed entry by its writer (null on entries sealed as they were written, before 0068). */
    mac: text('mac'),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('audit_entry_tenant_seq_idx').on(t.tenantId, t.seq),
    uniqueIndex('audit_entry_nonce_idx').on(t.tenantId, t.nonce),
    index('audit_entry_object_idx').on(t.tenantId, t.objectType, t.objectId),
    index('audit_entry_unsealed_idx').on(t.tenantId, t.id).where(sql`${t.seq} is null`),
    tenantIsolation('audit_entry'),
    // The app role seals each unsealed entry once (its grant: these three columns only): a sealed
    // entry is never changed. (Confining its inserts to unsealed entries waits for the next release:
    // the previous one, running during the upgrade, still inserts its entries sealed.)
    pgPolicy('audit_entry_sealed_once', {
      as: 'restrictive',
      for: 'update',
      to: APP_ROLE,
      using: sql`seq is null`,
      withCheck: sql`seq is not null and prev_hash is not null and hash is not null`,
    }),
  ],
).enableRLS();

/**
 * The head of each tenant's chain (last seq and hash), moved by the sealer with the entries it
 * chains: removing entries from the end of the chain then no longer goes unnoticed.
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
