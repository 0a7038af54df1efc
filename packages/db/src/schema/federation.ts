import { index, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { tenantId, tenantIsolation } from './tenancy.ts';

/**
 * The directory of trusted peers (spec/referral-exchange.md, "Parties and identity"): another
 * deployment's node id, base URL and pinned public keys. Managed by the platform's operators.
 */
export const federationPeer = pgTable('federation_peer', {
  nodeId: text('node_id').primaryKey(),
  name: text('name').notNull(),
  baseUrl: text('base_url').notNull(),
  /** Ed25519 public keys as JWK, each with its `kid`. */
  publicKeys: jsonb('public_keys')
    .$type<{ kty: 'OKP'; crv: 'Ed25519'; x: string; kid: string }[]>()
    .notNull(),
  addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Signature nonces seen in the replay window, per signing key (shared by every server process). */
export const federationNonce = pgTable(
  'federation_nonce',
  {
    kid: text('kid').notNull(),
    nonce: text('nonce').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.kid, t.nonce] }), index('federation_nonce_created_idx').on(t.createdAt)],
);

/**
 * Referrals received from other nodes, one row per sender and idempotency key: the same key and
 * body again answers the same receipt, the same key with another body is a conflict. The message
 * carries personal data, so it is kept sealed.
 */
export const federationInbox = pgTable(
  'federation_inbox',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    senderNode: text('sender_node').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    bodySha256: text('body_sha256').notNull(),
    /** The sender-scoped referral id; with the sender node it names the referral in later messages. */
    referralId: text('referral_id').notNull(),
    fromAddress: text('from_address').notNull(),
    toOrganisation: text('to_organisation').notNull(),
    kind: text('kind').notNull(),
    messageSealed: text('message_sealed').notNull(),
    status: text('status').notNull().default('received'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('federation_inbox_idempotency_unique').on(t.tenantId, t.senderNode, t.idempotencyKey),
    unique('federation_inbox_referral_unique').on(t.tenantId, t.senderNode, t.referralId),
    tenantIsolation('federation_inbox'),
  ],
).enableRLS();
