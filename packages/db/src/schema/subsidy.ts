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
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { legalCase } from './case.ts';
import { staffMember } from './staff.ts';
import { tenantId, tenantIsolation } from './tenancy.ts';

/**
 * How a closed case ended for the subsidy: settled where it was, or not settled and passed on
 * (a failed mediation going to a lawyer or to legal aid).
 */
export const SUBSIDY_OUTCOMES = ['success', 'failure'] as const;
export type SubsidyOutcome = (typeof SUBSIDY_OUTCOMES)[number];

/**
 * 个案补贴 rules, a setting of the district: the amount (in fen) paid to the person who handled a
 * case of a service with an outcome, e.g. mediation success 20000, failure 5000.
 */
export const subsidyRule = pgTable(
  'subsidy_rule',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    serviceType: text('service_type').notNull(),
    outcome: text('outcome', { enum: SUBSIDY_OUTCOMES }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('subsidy_rule_service_outcome').on(t.tenantId, t.serviceType, t.outcome),
    check('subsidy_rule_amount', sql`${t.amountFen} >= 0`),
    tenantIsolation('subsidy_rule'),
  ],
).enableRLS();

/**
 * One line of the monthly subsidy ledger, payable to the person who handled the case. Unique on its
 * source, so computing a month again adds only what is new and never pays a case twice.
 */
export const subsidyEntry = pgTable(
  'subsidy_entry',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    /** `YYYY-MM`, the month of payment: the month the case closed (or the plugin's paid-on date). */
    month: text('month').notNull(),
    caseId: uuid('case_id').notNull(),
    caseNumber: text('case_number').notNull(),
    serviceType: text('service_type').notNull(),
    outcome: text('outcome', { enum: SUBSIDY_OUTCOMES }),
    recipientStaffMemberId: uuid('recipient_staff_member_id'),
    recipientName: text('recipient_name').notNull(),
    amountFen: integer('amount_fen').notNull(),
    /** Where the entry comes from: `rule` (a district rule), or the id of the plugin that recorded the subsidy. */
    source: text('source').notNull(),
    /** The case id for a rule's entry, the plugin's subsidy id for a plugin's one. */
    sourceRef: text('source_ref').notNull(),
    basis: text('basis').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [legalCase.tenantId, legalCase.id] }),
    foreignKey({
      columns: [t.tenantId, t.recipientStaffMemberId],
      foreignColumns: [staffMember.tenantId, staffMember.id],
    }),
    unique('subsidy_entry_source').on(t.tenantId, t.source, t.sourceRef),
    index('subsidy_entry_month_idx').on(t.tenantId, t.month),
    check('subsidy_entry_amount', sql`${t.amountFen} >= 0`),
    tenantIsolation('subsidy_entry'),
  ],
).enableRLS();
