import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisation } from './organisation.ts';
import { staffMember } from './staff.ts';
import { tenantId, tenantIsolation } from './tenancy.ts';

/** One import of a third-party assessor's spreadsheet, with what became of its rows. */
export const assessmentImport = pgTable(
  'assessment_import',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    fileName: text('file_name').notNull(),
    rows: integer('rows').notNull(),
    imported: integer('imported').notNull(),
    alreadyImported: integer('already_imported').notNull(),
    errors: integer('errors').notNull(),
    importedBy: uuid('imported_by'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.importedBy],
      foreignColumns: [staffMember.tenantId, staffMember.id],
    }),
    tenantIsolation('assessment_import'),
  ],
).enableRLS();

/**
 * 第三方评估: one indicator's score for one service point in one period, as the assessor gave it.
 * The unique key is what makes an import idempotent: the same result is never stored twice.
 */
export const assessmentResult = pgTable(
  'assessment_result',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    importId: uuid('import_id').notNull(),
    assessor: text('assessor').notNull(),
    /** `YYYY`, `YYYY-Qn` or `YYYY-MM`. */
    period: text('period').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    indicator: text('indicator').notNull(),
    score: numeric('score', { precision: 7, scale: 2 }).notNull(),
    remarks: text('remarks'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.importId],
      foreignColumns: [assessmentImport.tenantId, assessmentImport.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisation.tenantId, organisation.id],
    }),
    unique('assessment_result_unique').on(t.tenantId, t.assessor, t.period, t.organisationId, t.indicator),
    index('assessment_result_period_idx').on(t.tenantId, t.period, t.organisationId),
    check('assessment_result_period_format', sql`${t.period} ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$'`),
    tenantIsolation('assessment_result'),
  ],
).enableRLS();
