import { sql } from 'drizzle-orm';
import {
  check,
  date,
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
import { organisation } from './organisation.ts';
import { staffMember } from './staff.ts';
import { tenantId, tenantIsolation } from './tenancy.ts';

/**
 * 轮班值守 ("双固定"): a fixed weekly duty slot at a service point — who is on duty, for which
 * service, on which weekday and hours. The person may have an account or be known by name only
 * (a volunteer lawyer of a partner firm).
 */
export const dutySlot = pgTable(
  'duty_slot',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    /** ISO weekday: 1 Monday … 7 Sunday. */
    weekday: integer('weekday').notNull(),
    /** Local time of the district, `HH:MM`. */
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    serviceType: text('service_type').notNull(),
    staffMemberId: uuid('staff_member_id'),
    personName: text('person_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisation.tenantId, organisation.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.staffMemberId],
      foreignColumns: [staffMember.tenantId, staffMember.id],
    }),
    index('duty_slot_unit_idx').on(t.tenantId, t.organisationId, t.weekday),
    check('duty_slot_weekday', sql`${t.weekday} between 1 and 7`),
    check('duty_slot_hours', sql`${t.endsAt} > ${t.startsAt}`),
    tenantIsolation('duty_slot'),
  ],
).enableRLS();

/** 主题活动日: one themed activity day a month per service point, published ahead. */
export const themedDay = pgTable(
  'themed_day',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    day: date('day').notNull(),
    /** `YYYY-MM` of `day`: one themed day per unit and month. */
    month: text('month').notNull(),
    theme: text('theme').notNull(),
    serviceType: text('service_type'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisation.tenantId, organisation.id],
    }),
    unique('themed_day_month').on(t.tenantId, t.organisationId, t.month),
    tenantIsolation('themed_day'),
  ],
).enableRLS();

export const ANNOUNCEMENT_STATUSES = ['draft', 'published'] as const;

/** 告知机制: an announcement of a unit (rota changes, a themed day, closures), drafted then published. */
export const announcement = pgTable(
  'announcement',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ANNOUNCEMENT_STATUSES }).notNull().default('draft'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisation.tenantId, organisation.id],
    }),
    index('announcement_unit_idx').on(t.tenantId, t.organisationId, t.createdAt),
    tenantIsolation('announcement'),
  ],
).enableRLS();
