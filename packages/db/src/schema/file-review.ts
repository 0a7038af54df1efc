import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { legalCase } from './case.ts';
import { organisation } from './organisation.ts';
import { tenantId, tenantIsolation } from './tenancy.ts';

/** 案卷评查 grades. */
export const FILE_REVIEW_GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type FileReviewGrade = (typeof FILE_REVIEW_GRADES)[number];

/**
 * A random sample of a unit's cases closed in a month, drawn by a supervisor for file review. The
 * seed is stored, so anyone can redraw the same sample from the same closed cases.
 */
export const fileReviewSample = pgTable(
  'file_review_sample',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    month: text('month').notNull(),
    seed: text('seed').notNull(),
    size: integer('size').notNull(),
    /** How many closed cases there were to draw from. */
    population: integer('population').notNull(),
    drawnBy: uuid('drawn_by'),
    drawnByName: text('drawn_by_name').notNull(),
    drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisation.tenantId, organisation.id],
    }),
    unique('file_review_sample_unit_month').on(t.tenantId, t.organisationId, t.month),
    check('file_review_sample_size', sql`${t.size} between 1 and 200`),
    tenantIsolation('file_review_sample'),
  ],
).enableRLS();

/** One case of a sample: its findings and grade once the supervisor reviewed it. */
export const fileReview = pgTable(
  'file_review',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    sampleId: uuid('sample_id').notNull(),
    caseId: uuid('case_id').notNull(),
    grade: text('grade', { enum: FILE_REVIEW_GRADES }),
    findings: text('findings'),
    reviewedBy: uuid('reviewed_by'),
    reviewedByName: text('reviewed_by_name'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.sampleId],
      foreignColumns: [fileReviewSample.tenantId, fileReviewSample.id],
    }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [legalCase.tenantId, legalCase.id] }),
    unique('file_review_sample_case').on(t.tenantId, t.sampleId, t.caseId),
    check('file_review_graded', sql`(${t.grade} is null) = (${t.reviewedAt} is null)`),
    tenantIsolation('file_review'),
  ],
).enableRLS();
