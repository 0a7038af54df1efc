import { sql } from 'drizzle-orm';
import { check, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type TenantBranding = { colour: string; logoUrl?: string | null };

/**
 * A district justice bureau (区司法局). Platform table: read before any tenant is set
 * (resolving a host or slug), so it has no RLS; the app role may only read it.
 */
export const tenant = pgTable(
  'tenant',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    divisionCode: text('division_code').notNull(),
    timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
    branding: jsonb('branding').$type<TenantBranding>().notNull().default({ colour: '#b4232a' }),
    status: text('status', { enum: ['active', 'suspended'] })
      .notNull()
      .default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('tenant_slug_format', sql`${t.slug} ~ '^[a-z][a-z0-9-]{1,39}$'`),
    check('tenant_division_code_format', sql`${t.divisionCode} ~ '^[1-8][0-9]{5}$'`),
  ],
);
