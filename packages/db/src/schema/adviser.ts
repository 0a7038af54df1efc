import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisation } from './organisation.ts';
import { staffMember } from './staff.ts';
import { tenantId, tenantIsolation } from './tenancy.ts';

/**
 * 一居一法律顾问: a law firm and lawyer contracted to a community room for a term. The lawyer may
 * have an account (`lawyerStaffMemberId`) or be known by name only.
 */
export const communityAdviser = pgTable(
  'community_adviser',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    lawFirm: text('law_firm').notNull(),
    lawyerName: text('lawyer_name').notNull(),
    lawyerStaffMemberId: uuid('lawyer_staff_member_id'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    endedEarlyOn: date('ended_early_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisation.tenantId, organisation.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.lawyerStaffMemberId],
      foreignColumns: [staffMember.tenantId, staffMember.id],
    }),
    index('community_adviser_room_idx').on(t.tenantId, t.organisationId),
    check('community_adviser_term', sql`${t.endsOn} > ${t.startsOn}`),
    tenantIsolation('community_adviser'),
  ],
).enableRLS();
