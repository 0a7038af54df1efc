import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisation } from './organisation.ts';
import { tenantId, tenantIsolation } from './tenancy.ts';

/**
 * An X service a street office defines without code (declarative): its intake form as data, its
 * time limit and team. Its `serviceId` (`x-<name>`) is used as a case's service type, like a
 * plugin's id; it is available in the subtree of the unit that defined it.
 */
export const xService = pgTable(
  'x_service',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    serviceId: text('service_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionZh: text('description_zh').notNull(),
    descriptionEn: text('description_en').notNull(),
    /** The intake form: an array of field descriptions (`@linju/plugin-sdk`'s FormField). */
    form: jsonb('form').$type<unknown[]>().notNull(),
    deadlineWorkingDays: integer('deadline_working_days').notNull(),
    /** Staff who take this service's matters. */
    team: uuid('team').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('x_service_service_id_unique').on(t.tenantId, t.serviceId),
    foreignKey({
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisation.tenantId, organisation.id],
    }),
    check('x_service_id_format', sql`${t.serviceId} ~ '^x-[a-z][a-z0-9-]{1,38}$'`),
    check('x_service_deadline_range', sql`${t.deadlineWorkingDays} between 1 and 120`),
    tenantIsolation('x_service'),
  ],
).enableRLS();
