import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { staffMember } from './staff.ts';
import { tenantId, tenantIsolation } from './tenancy.ts';

/** Whom a record is about: a lawyer or a mediator (a person), or a law firm. */
export const PROVIDER_KINDS = ['lawyer', 'mediator', 'firm'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/**
 * 不良执业记录 (a misconduct record: assignment warns) and 负面清单 (the negative list: assignment
 * is refused unless a reason is given).
 */
export const PROVIDER_RECORD_KINDS = ['misconduct', 'negative-list'] as const;
export type ProviderRecordKind = (typeof PROVIDER_RECORD_KINDS)[number];

/** An appeal either leaves the record standing (upheld) or lifts it. */
export const APPEAL_OUTCOMES = ['upheld', 'lifted'] as const;

/**
 * A misconduct record or negative-list entry of a service provider, recorded by the bureau with its
 * evidence. It is active from when it is recorded until it expires or an appeal lifts it; it is
 * never deleted, so the history of a provider stays on record.
 */
export const providerRecord = pgTable(
  'provider_record',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    providerKind: text('provider_kind', { enum: PROVIDER_KINDS }).notNull(),
    /** The account of the lawyer or mediator, when they have one: assignment checks by this. */
    staffMemberId: uuid('staff_member_id'),
    /** The person's or the firm's name as recorded. */
    providerName: text('provider_name').notNull(),
    /** The law firm of a lawyer (or the firm itself). */
    firmName: text('firm_name'),
    kind: text('kind', { enum: PROVIDER_RECORD_KINDS }).notNull(),
    description: text('description').notNull(),
    occurredOn: date('occurred_on').notNull(),
    /** The evidence: a decision's number, a complaint's reference and the like. */
    evidenceReference: text('evidence_reference').notNull(),
    /** An uploaded evidence document, kept in the content-addressed file store. */
    evidenceFileName: text('evidence_file_name'),
    evidenceContentType: text('evidence_content_type'),
    evidenceSha256: text('evidence_sha256'),
    evidenceStorageKey: text('evidence_storage_key'),
    /** The last day the record counts; open-ended without. */
    expiresOn: date('expires_on'),
    recordedBy: uuid('recorded_by'),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    appealFiledOn: date('appeal_filed_on'),
    appealGrounds: text('appeal_grounds'),
    appealOutcome: text('appeal_outcome', { enum: APPEAL_OUTCOMES }),
    appealDecidedOn: date('appeal_decided_on'),
    appealDecision: text('appeal_decision'),
    appealDecidedByName: text('appeal_decided_by_name'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.staffMemberId],
      foreignColumns: [staffMember.tenantId, staffMember.id],
    }),
    index('provider_record_staff_idx').on(t.tenantId, t.staffMemberId),
    index('provider_record_recorded_idx').on(t.tenantId, t.recordedAt),
    check('provider_record_expiry', sql`${t.expiresOn} is null or ${t.expiresOn} >= ${t.occurredOn}`),
    check(
      'provider_record_appeal',
      sql`${t.appealOutcome} is null or (${t.appealFiledOn} is not null and ${t.appealDecidedOn} is not null)`,
    ),
    tenantIsolation('provider_record'),
  ],
).enableRLS();
