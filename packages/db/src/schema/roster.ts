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
  uniqueIndex,
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
    /** How many residents may book the slot on one day (residents' site, 预约). */
    capacity: integer('capacity').notNull().default(4),
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
    check('duty_slot_capacity', sql`${t.capacity} between 1 and 50`),
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

/**
 * 预约: a resident's appointment with whoever is on a duty slot, on one day. The slot's unit, hours,
 * service and person are copied in, so the appointment keeps what the resident was told if the
 * rota changes. The phone (proven by an SMS code) is sealed and blind-indexed to find "my
 * appointments"; never deleted, cancelled instead (the place is free again).
 */
export const appointment = pgTable(
  'appointment',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    /** The rota slot booked; not a foreign key: a removed slot leaves its appointments as they were. */
    dutySlotId: uuid('duty_slot_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    day: date('day').notNull(),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    serviceType: text('service_type').notNull(),
    personName: text('person_name').notNull(),
    phoneEncrypted: text('phone_encrypted').notNull(),
    phoneIndex: text('phone_index').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** When the day-before SMS was queued: once per appointment. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisation.tenantId, organisation.id],
    }),
    index('appointment_unit_day_idx').on(t.tenantId, t.organisationId, t.day),
    index('appointment_slot_day_idx').on(t.tenantId, t.dutySlotId, t.day),
    index('appointment_phone_idx').on(t.tenantId, t.phoneIndex),
    // One live appointment per phone, slot and day: a second tap books nothing twice.
    uniqueIndex('appointment_one_per_phone')
      .on(t.tenantId, t.dutySlotId, t.day, t.phoneIndex)
      .where(sql`${t.cancelledAt} is null`),
    check('appointment_hours', sql`${t.endsAt} > ${t.startsAt}`),
    tenantIsolation('appointment'),
  ],
).enableRLS();
