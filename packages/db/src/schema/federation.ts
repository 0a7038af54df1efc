import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
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
  /**
   * The organisations its well-known document listed when it was pinned, as the operator checked
   * them: the districts it may report statistics for (by `divisionCode`).
   */
  organisations: jsonb('organisations')
    .$type<{ orgId: string; kind: string; divisionCode?: string | undefined }[]>()
    .notNull()
    .default([]),
  /**
   * Whether this node may call it at a loopback, private or link-local address: off unless the
   * operator pinned it so on purpose (a peer in the same private network, tests on 127.0.0.1).
   */
  allowPrivateNetwork: boolean('allow_private_network').notNull().default(false),
  addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  /** Who pinned it last: a platform operator's name, or `linju CLI` (pins from before: null). */
  pinnedBy: text('pinned_by'),
});

/**
 * Which of this node's organisations (`orgId` of `orgId@nodeId`: a district `<slug>` or one of its
 * partner inboxes `<slug>.<organisationId>`) a pinned peer may address referrals to (spec: 403
 * otherwise). Managed by the platform operator (`linju peer allow`). A node-level table.
 */
export const federationPeerAllowance = pgTable(
  'federation_peer_allowance',
  {
    peerNode: text('peer_node')
      .notNull()
      .references(() => federationPeer.nodeId, { onDelete: 'cascade' }),
    orgId: text('org_id').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.peerNode, t.orgId] })],
);

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

/** Where an outbox message stands: waiting (or being retried), answered 2xx, or refused for good. */
export const OUTBOX_STATUSES = ['pending', 'delivered', 'failed'] as const;

/**
 * The sender's outbox (spec, "Delivery"): every message to another node (or to another tenant of
 * this one, over loopback), written in the same transaction as the referral change it reports and
 * delivered by a Temporal activity that retries with back-off. `id` is the message's
 * `Linju-Idempotency-Key`, the same on every retry. The body may carry personal data: sealed.
 */
export const federationOutbox = pgTable(
  'federation_outbox',
  {
    tenantId: tenantId(),
    id: text('id').notNull(),
    referralId: uuid('referral_id').notNull(),
    peerNode: text('peer_node').notNull(),
    method: text('method', { enum: ['POST', 'GET'] }).notNull(),
    path: text('path').notNull(),
    bodySealed: text('body_sealed'),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    /** The receiver's 2xx answer (a receipt), kept so a repeated delivery answers the same. */
    response: jsonb('response').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('federation_outbox_referral_idx').on(t.tenantId, t.referralId),
    tenantIsolation('federation_outbox'),
  ],
).enableRLS();

/**
 * Which tenant holds the referral a message names. Messages name a referral by its sender's id
 * only (spec: "A referral is named by its sender's node and `id`"), and the tenant tables are
 * unreadable before the tenant is known, so every exchanged referral is routed here: `peer_node`
 * is the other side's node, `referral_ref` the sender-scoped id, `direction` this side's (an
 * `outgoing` referral is ours, `incoming` theirs). Over loopback one node holds both rows.
 * A node-level table: ids only, no personal data.
 */
export const federationRoute = pgTable(
  'federation_route',
  {
    peerNode: text('peer_node').notNull(),
    referralRef: text('referral_ref').notNull(),
    direction: text('direction', { enum: ['outgoing', 'incoming'] }).notNull(),
    tenantId: uuid('tenant_id').notNull(),
    referralId: uuid('referral_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.peerNode, t.referralRef, t.direction] })],
);
