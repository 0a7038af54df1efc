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
import { legalCase } from './case.ts';
import { organisation } from './organisation.ts';
import { staffMember } from './staff.ts';
import { tenantId, tenantIsolation } from './tenancy.ts';

/**
 * 志愿者: a registered volunteer of a unit (its service area) — law students, retired judges and
 * police officers, community people. They may have an account (the `volunteer` role) or none.
 */
export const volunteer = pgTable(
  'volunteer',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    staffMemberId: uuid('staff_member_id'),
    name: text('name').notNull(),
    /** Mobile, AES-256-GCM sealed; shown masked. */
    phoneEncrypted: text('phone_encrypted'),
    phoneMasked: text('phone_masked'),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    /** When they can serve, in their words (e.g. "weekday evenings, Saturday mornings"). */
    availability: text('availability').notNull(),
    registeredOn: date('registered_on').notNull(),
    leftOn: date('left_on'),
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
    index('volunteer_unit_idx').on(t.tenantId, t.organisationId),
    tenantIsolation('volunteer'),
  ],
).enableRLS();

/**
 * Service hours of a volunteer on one day, for a duty slot they covered or for a case they helped
 * with. A slot is logged once a day per volunteer, so a repeated submission adds nothing.
 */
export const volunteerHours = pgTable(
  'volunteer_hours',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    servedOn: date('served_on').notNull(),
    /** `YYYY-MM` of `servedOn`, for the monthly totals. */
    month: text('month').notNull(),
    minutes: integer('minutes').notNull(),
    /**
     * The duty slot covered. No foreign key: a slot removed from the rota later must not take the
     * hours served with it, so its weekday and hours are kept in `dutySlotLabel` too.
     */
    dutySlotId: uuid('duty_slot_id'),
    dutySlotLabel: text('duty_slot_label'),
    caseId: uuid('case_id'),
    note: text('note'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.volunteerId],
      foreignColumns: [volunteer.tenantId, volunteer.id],
    }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [legalCase.tenantId, legalCase.id] }),
    unique('volunteer_hours_slot_day').on(t.tenantId, t.volunteerId, t.servedOn, t.dutySlotId),
    index('volunteer_hours_month_idx').on(t.tenantId, t.month, t.volunteerId),
    check('volunteer_hours_for', sql`${t.dutySlotId} is not null or ${t.caseId} is not null`),
    check('volunteer_hours_minutes', sql`${t.minutes} > 0 and ${t.minutes} <= 1440`),
    tenantIsolation('volunteer_hours'),
  ],
).enableRLS();
