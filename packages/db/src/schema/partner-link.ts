import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { referral } from './referral.ts';
import { tenantId, tenantIsolation } from './tenancy.ts';
import { tenant } from './tenant.ts';

/** Why a one-time link stopped working before it expired. */
export const PARTNER_LINK_CLOSE_REASONS = [
  'rotated',
  'completed',
  'failed',
  'rejected',
  'cancelled',
] as const;
export type PartnerLinkCloseReason = (typeof PARTNER_LINK_CLOSE_REASONS)[number];

/**
 * A signed one-time link (一次性链接) with which a partner without an account and without a system
 * of its own answers exactly one referral. A platform table, like `rating_code`: the public page
 * learns the tenant from the link itself. Only the SHA-256 of the token is kept; the token is
 * shown once to the sending staff (and handed to any contact channel), never stored.
 */
export const partnerLink = pgTable(
  'partner_link',
  {
    tokenHash: text('token_hash').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenant.id),
    referralId: uuid('referral_id').notNull(),
    issuedBy: uuid('issued_by'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the partner first opened it: from then on it works only for a short window. */
    firstOpenedAt: timestamp('first_opened_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set when a newer link replaced it or its referral ended: it then answers "used". */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedReason: text('closed_reason', { enum: PARTNER_LINK_CLOSE_REASONS }),
  },
  (t) => [
    index('partner_link_referral_idx').on(t.tenantId, t.referralId),
    check('partner_link_closed_reason', sql`(${t.closedAt} is null) = (${t.closedReason} is null)`),
  ],
);

/**
 * A document that goes with a referral (spec: `attachments`, each named by its SHA-256). On the
 * sending side it points at the case document chosen at send; on the receiving side at the file
 * fetched from the sender (`storageKey` null until it is fetched) and at the case document it
 * became, when the referral has a case here.
 */
export const referralAttachment = pgTable(
  'referral_attachment',
  {
    tenantId: tenantId(),
    referralId: uuid('referral_id').notNull(),
    sha256: text('sha256').notNull(),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes'),
    /** Where the body is in the file store; null on the receiving side until fetched. */
    storageKey: text('storage_key'),
    /** The case document it came from (sender) or became (receiver with a case). */
    documentId: uuid('document_id'),
    /** The sender's URL of the body (spec: the attachments path); null on the sending side. */
    url: text('url'),
    /**
     * `request`: sent with the create (the sender's). `outcome`: returned by the receiver with a
     * completed referral (spec: `outcome.documents`), served only to the referral's sender.
     */
    purpose: text('purpose', { enum: ['request', 'outcome'] })
      .notNull()
      .default('request'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.referralId, t.sha256] }),
    foreignKey({
      columns: [t.tenantId, t.referralId],
      foreignColumns: [referral.tenantId, referral.id],
    }),
    check('referral_attachment_sha256', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    tenantIsolation('referral_attachment'),
  ],
).enableRLS();
