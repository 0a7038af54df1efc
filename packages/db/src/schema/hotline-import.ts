import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantId, tenantIsolation } from './tenancy.ts';

export const HOTLINE_IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type HotlineImportStatus = (typeof HOTLINE_IMPORT_STATUSES)[number];

/**
 * A 12345 export being imported in the background: the uploaded file (in the file store, by its
 * digest), the rows read so far and the counts. `rows_done` moves in the transaction of each batch,
 * so a batch is imported whole or not at all and a retry resumes where the last commit left off.
 */
export const hotlineImport = pgTable(
  'hotline_import',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    /** The unit the orders were dispatched to. */
    organisationId: uuid('organisation_id').notNull(),
    /** The importer: first responder of every case, and whose rights each batch is checked with. */
    requestedBy: uuid('requested_by').notNull(),
    /** The file's SHA-256; its bytes are in the file store under the tenant's document key. */
    sha256: text('sha256').notNull(),
    status: text('status', { enum: HOTLINE_IMPORT_STATUSES }).notNull().default('queued'),
    /** 0–100. */
    progress: smallint('progress').notNull().default(0),
    /** Data rows in the file (blank rows not counted). */
    rows: integer('rows').notNull(),
    rowsDone: integer('rows_done').notNull().default(0),
    imported: integer('imported').notNull().default(0),
    alreadyImported: integer('already_imported').notNull().default(0),
    errors: integer('errors').notNull().default(0),
    /** A message key when the whole import failed (the importer lost the right, the file changed). */
    error: text('error'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('hotline_import_requested_idx').on(t.tenantId, t.requestedAt),
    check('hotline_import_progress', sql`${t.progress} between 0 and 100`),
    tenantIsolation('hotline_import'),
  ],
).enableRLS();

export const HOTLINE_IMPORT_ROW_OUTCOMES = ['error', 'already-imported'] as const;

/** A row of an import that was not imported: its sheet row number, the order and why. */
export const hotlineImportRow = pgTable(
  'hotline_import_row',
  {
    tenantId: tenantId(),
    importId: uuid('import_id').notNull(),
    /** The row number the spreadsheet shows (header included). */
    row: integer('row').notNull(),
    outcome: text('outcome', { enum: HOTLINE_IMPORT_ROW_OUTCOMES }).notNull(),
    orderNumber: text('order_number'),
    field: text('field'),
    /** A message key. */
    key: text('key'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.importId, t.row] }),
    foreignKey({
      columns: [t.tenantId, t.importId],
      foreignColumns: [hotlineImport.tenantId, hotlineImport.id],
    }),
    tenantIsolation('hotline_import_row'),
  ],
).enableRLS();
