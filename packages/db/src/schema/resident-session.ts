import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantId, tenantIsolation } from './tenancy.ts';

/**
 * A one-time SMS code a resident asked for on a district's public site, to prove a phone. Only a
 * keyed hash of the code is kept; the phone and the asking address as keyed tokens (blind
 * indexes), enough to count requests per phone and per address for the limits, never to read
 * them back. A code lives 10 minutes and dies at its fifth wrong try.
 */
export const residentCode = pgTable(
  'resident_code',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    phoneIndex: text('phone_index').notNull(),
    /** The keyed token of the address that asked (per-address limit). */
    ipIndex: text('ip_index').notNull(),
    /** Keyed hash of the code bound to this row's id: a leaked table tells no code. */
    codeHash: text('code_hash').notNull(),
    failures: integer('failures').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('resident_code_phone_idx').on(t.tenantId, t.phoneIndex, t.createdAt),
    index('resident_code_ip_idx').on(t.tenantId, t.ipIndex, t.createdAt),
    index('resident_code_created_idx').on(t.tenantId, t.createdAt),
    check('resident_code_failures', sql`${t.failures} >= 0`),
    tenantIsolation('resident_code'),
  ],
).enableRLS();

/**
 * A resident's session on one district's public site, the Lucia way like staff sessions: the
 * cookie carries `<id>.<secret>`, the row the SHA-256 of the secret. A tenant table (unlike staff
 * sessions): it is read once the address named the district, so a session of one district is
 * nothing in another.
 */
export const residentSession = pgTable(
  'resident_session',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    secretHash: text('secret_hash').notNull(),
    phoneSealed: text('phone_sealed').notNull(),
    /** Keyed token of the phone: finds the resident's cases without reading any phone. */
    phoneIndex: text('phone_index').notNull(),
    /** Idle expiry, sliding, never past `createdAt` plus the absolute lifetime. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), tenantIsolation('resident_session')],
).enableRLS();
