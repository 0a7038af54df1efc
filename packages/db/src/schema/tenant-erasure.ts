import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The platform's record that a district existed and was erased (PIPL offboarding): when, by whom,
 * how many rows of each table went. Not the district's own: its audit chain is erased with it, so
 * this row is what stays. No personal data; the column is not `tenant_id`, so it is no tenant's row.
 */
export const tenantErasure = pgTable('tenant_erasure', {
  erasedTenantId: uuid('erased_tenant_id').primaryKey(),
  slug: text('slug').notNull(),
  nameZh: text('name_zh').notNull(),
  divisionCode: text('division_code').notNull(),
  erasedAt: timestamp('erased_at', { withTimezone: true }).notNull().defaultNow(),
  erasedBy: text('erased_by').notNull(),
  /** Rows deleted per table, and documents removed from the store. */
  counts: jsonb('counts').$type<Record<string, number>>().notNull(),
  /** The export made just before, by its manifest's sha256. */
  exportSha256: text('export_sha256').notNull(),
});
