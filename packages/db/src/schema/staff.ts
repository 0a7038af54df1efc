import { ROLES } from '@linju/vocabulary';
import {
  boolean,
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
import { tenantId, tenantIsolation } from './tenancy.ts';

export { ROLES, type Role } from '@linju/vocabulary';

/** An account of a tenant: staff, volunteers and partner users alike. */
export const staffMember = pgTable(
  'staff_member',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    /** The unit the person works at (for partner users, their partner organisation). */
    organisationId: uuid('organisation_id').notNull(),
    /** Mobile or landline, AES-256-GCM sealed; found by exact value through `phoneIndex`. */
    phoneEncrypted: text('phone_encrypted'),
    phoneIndex: text('phone_index'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** TOTP key, encrypted with the personal-data key; set once the person enrolled. */
    totpKeyEncrypted: text('totp_key_encrypted'),
    /** The TOTP time step of the last accepted code: a code is taken once. */
    totpLastUsedStep: integer('totp_last_used_step'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('staff_member_username_unique').on(t.tenantId, t.username),
    index('staff_member_phone_idx').on(t.tenantId, t.phoneIndex),
    foreignKey({
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisation.tenantId, organisation.id],
    }),
    tenantIsolation('staff_member'),
  ],
).enableRLS();

/** A role granted on an organisation; it covers that organisation's whole subtree. */
export const roleGrant = pgTable(
  'role_grant',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    staffMemberId: uuid('staff_member_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('role_grant_unique').on(t.tenantId, t.staffMemberId, t.organisationId, t.role),
    foreignKey({
      columns: [t.tenantId, t.staffMemberId],
      foreignColumns: [staffMember.tenantId, staffMember.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.organisationId],
      foreignColumns: [organisation.tenantId, organisation.id],
    }),
    tenantIsolation('role_grant'),
  ],
).enableRLS();
