import { sql } from 'drizzle-orm';
import { check, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenant } from './tenant.ts';

/**
 * A district's own host name (`fw.xuhui.gov.cn`), set by a platform operator. Platform table: the
 * server reads it to learn which district a request's host names, before any tenant is known. One
 * host, one district.
 */
export const tenantDomain = pgTable(
  'tenant_domain',
  {
    host: text('host').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenant.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'tenant_domain_host_format',
      sql`${t.host} ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$' and length(${t.host}) <= 253`,
    ),
  ],
);
