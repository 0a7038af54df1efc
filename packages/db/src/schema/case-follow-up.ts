import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  jsonb,
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
import { tenant } from './tenant.ts';

export const ESCALATION_LEVELS = ['due-soon', 'overdue'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/**
 * A time-limit escalation that was raised: one row per case, level and due date, so the daily
 * run raises each at most once (a new due date after a pause may escalate again).
 */
export const caseEscalation = pgTable(
  'case_escalation',
  {
    tenantId: tenantId(),
    caseId: uuid('case_id').notNull(),
    level: text('level', { enum: ESCALATION_LEVELS }).notNull(),
    dueOn: date('due_on').notNull(),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.caseId, t.level, t.dueOn] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [legalCase.tenantId, legalCase.id] }),
    tenantIsolation('case_escalation'),
  ],
).enableRLS();

export const SWEEP_REVIEW_STATUSES = ['open', 'reviewed'] as const;

/**
 * 每月18日主动排查: the monthly proactive sweep's findings for one month (`YYYY-MM`), ranked by
 * growth against the month before, waiting for a bureau administrator to review them.
 */
export const sweepReview = pgTable(
  'sweep_review',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    month: text('month').notNull(),
    findings: jsonb('findings').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: SWEEP_REVIEW_STATUSES }).notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('sweep_review_month_unique').on(t.tenantId, t.month),
    foreignKey({
      columns: [t.tenantId, t.reviewedBy],
      foreignColumns: [staffMember.tenantId, staffMember.id],
    }),
    check('sweep_review_month_format', sql`${t.month} ~ '^[0-9]{4}-[0-9]{2}$'`),
    tenantIsolation('sweep_review'),
  ],
).enableRLS();

/**
 * A one-time code with which a resident rates a case without signing in. A platform table: the
 * public rating page learns the tenant from the code itself. Only the SHA-256 of the code is
 * kept, and no personal data.
 */
export const ratingCode = pgTable(
  'rating_code',
  {
    codeHash: text('code_hash').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenant.id),
    caseId: uuid('case_id').notNull(),
    issuedBy: uuid('issued_by'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('rating_code_case_idx').on(t.tenantId, t.caseId)],
);
