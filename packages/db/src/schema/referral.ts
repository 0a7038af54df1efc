import { REFERRAL_KINDS, REFERRAL_STATUSES } from '@linju/vocabulary';
import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
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
import { legalCase } from './case.ts';
import { organisation } from './organisation.ts';
import { staffMember } from './staff.ts';
import { tenantId, tenantIsolation } from './tenancy.ts';

// The exchange's kinds and states are the vocabulary's; the column types take them from there.
export { REFERRAL_KINDS, REFERRAL_STATUSES, type ReferralKind, type ReferralStatus } from '@linju/vocabulary';

/**
 * The events of a referral's log: every state's event, a missed deadline, and a note to or from
 * the other side (spec: `note`; it keeps the state, `from_status` = `to_status`, text in `reason`).
 */
export const REFERRAL_EVENT_TYPES = [...REFERRAL_STATUSES, 'escalated', 'note'] as const;
export type ReferralEventType = (typeof REFERRAL_EVENT_TYPES)[number];

/**
 * `outgoing`: this tenant sent it (from a case). `incoming`: it arrived through the referral
 * exchange (from another node, or another tenant of this node over loopback) for one of this
 * tenant's partner inboxes; it has no case here and its sender is only an address.
 */
export const REFERRAL_DIRECTIONS = ['outgoing', 'incoming'] as const;
export type ReferralDirection = (typeof REFERRAL_DIRECTIONS)[number];

/**
 * A closed-loop referral (转介) of a case to a partner organisation. The Temporal workflow
 * `referral:<tenant>:<id>` is the source of truth for its state; this row is the projection its
 * activities keep, for lists and the partner inbox. The subject (the resident's data the kind
 * needs) is sealed; only its name and the list of fields sent are readable.
 */
export const referral = pgTable(
  'referral',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    direction: text('direction', { enum: REFERRAL_DIRECTIONS }).notNull().default('outgoing'),
    /** The case it was sent from; null on an incoming referral. */
    caseId: uuid('case_id'),
    /** The sending unit; null on an incoming referral (its sender is `fromAddress`). */
    fromOrganisationId: uuid('from_organisation_id'),
    toOrganisationId: uuid('to_organisation_id').notNull(),
    kind: text('kind', { enum: REFERRAL_KINDS }).notNull(),
    status: text('status', { enum: REFERRAL_STATUSES }).notNull().default('requested'),
    summary: text('summary').notNull(),
    details: text('details'),
    subjectName: text('subject_name').notNull(),
    /** Which of the resident's fields were sent, e.g. `{displayName,phone,idNumber}`. */
    subjectFields: text('subject_fields').array().notNull(),
    /** JSON of the subject, sealed with the data key (AES-256-GCM). */
    subjectSealed: text('subject_sealed').notNull(),
    acknowledgeBy: timestamp('acknowledge_by', { withTimezone: true }).notNull(),
    dueBy: timestamp('due_by', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    outcomeCode: text('outcome_code'),
    outcomeText: text('outcome_text'),
    /** Why it was rejected, failed or cancelled. */
    reason: text('reason'),
    /** Exchange addresses `orgId@nodeId` (spec/referral-exchange.md); null for a local partner. */
    fromAddress: text('from_address'),
    toAddress: text('to_address'),
    /**
     * The other side's name for it: on an incoming referral the sender's node and referral id (the
     * pair every later message names); on an outgoing one the receiver's node and receipt.
     */
    remoteNode: text('remote_node'),
    remoteReferralId: text('remote_referral_id'),
    /** The referral this one re-routes (a rejected or escalated one), keeping the chain. */
    reroutedFrom: uuid('rerouted_from'),
    /**
     * When this referral's workflow was known to be started (by the sender after commit, or by the
     * worker's reconciler). Null: committed, workflow maybe not started yet; the reconciler starts
     * it (a second start of the same workflow id is a no-op), so a crash after commit loses nothing.
     */
    workflowStartedAt: timestamp('workflow_started_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [legalCase.tenantId, legalCase.id] }),
    foreignKey({
      columns: [t.tenantId, t.fromOrganisationId],
      foreignColumns: [organisation.tenantId, organisation.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.toOrganisationId],
      foreignColumns: [organisation.tenantId, organisation.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.createdBy],
      foreignColumns: [staffMember.tenantId, staffMember.id],
    }),
    index('referral_case_idx').on(t.tenantId, t.caseId),
    index('referral_to_idx').on(t.tenantId, t.toOrganisationId, t.status, t.createdAt),
    index('referral_from_idx').on(t.tenantId, t.fromOrganisationId, t.createdAt),
    index('referral_remote_idx').on(t.tenantId, t.remoteNode, t.remoteReferralId),
    // The reconciler's question, "committed but not started", answered from a small index.
    index('referral_awaiting_workflow_idx')
      .on(t.tenantId, t.createdAt)
      .where(sql`${t.workflowStartedAt} is null`),
    check(
      'referral_outgoing_has_case',
      sql`${t.direction} = 'incoming' or (${t.caseId} is not null and ${t.fromOrganisationId} is not null)`,
    ),
    check('referral_acknowledge_before_due', sql`${t.acknowledgeBy} <= ${t.dueBy}`),
    check(
      'referral_reason_when_ended',
      sql`${t.status} not in ('rejected', 'failed', 'cancelled') or ${t.reason} is not null`,
    ),
    check(
      'referral_outcome_when_completed',
      sql`${t.status} <> 'completed' or (${t.outcomeCode} is not null and ${t.outcomeText} is not null)`,
    ),
    tenantIsolation('referral'),
  ],
).enableRLS();

/**
 * The referral's event log, append-only (the app role may insert and read only). `seq` is the
 * workflow's effect sequence and `idempotency_key` its `workflowId#seq`: an activity retried after
 * a lost reply finds its row and does nothing.
 */
export const referralEvent = pgTable(
  'referral_event',
  {
    tenantId: tenantId(),
    referralId: uuid('referral_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type', { enum: REFERRAL_EVENT_TYPES }).notNull(),
    fromStatus: text('from_status', { enum: REFERRAL_STATUSES }),
    toStatus: text('to_status', { enum: REFERRAL_STATUSES }).notNull(),
    /** When the workflow applied it. */
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    actorParty: text('actor_party', { enum: ['sender', 'receiver', 'system'] }).notNull(),
    actorRole: text('actor_role'),
    reason: text('reason'),
    /** The outcome; `documents` names those returned with it (kept in `referral_attachment`). */
    outcome: jsonb('outcome').$type<{
      code: string;
      text: string;
      documents?: { name: string; mediaType: string; sha256: string; sizeBytes?: number; url?: string }[];
    }>(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    idempotencyKey: text('idempotency_key').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.referralId, t.seq] }),
    unique('referral_event_idempotency_unique').on(t.tenantId, t.idempotencyKey),
    foreignKey({ columns: [t.tenantId, t.referralId], foreignColumns: [referral.tenantId, referral.id] }),
    tenantIsolation('referral_event'),
  ],
).enableRLS();
