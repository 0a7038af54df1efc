import { ORGANISATION_KINDS } from '@linju/vocabulary';
import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantId, tenantIsolation } from './tenancy.ts';

export {
  NETWORK_ORGANISATION_KINDS,
  ORGANISATION_KINDS,
  type OrganisationKind,
  PARTNER_ORGANISATION_KINDS,
} from '@linju/vocabulary';

/**
 * A unit of a tenant. `path` is the chain of ids from the root, '/'-separated and ending in '/',
 * so "X covers Y" is `Y.path LIKE X.path || '%'` — one index range scan, no recursion.
 */
export const organisation = pgTable(
  'organisation',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    address: text('address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    openingHours: text('opening_hours'),
    phone: text('phone'),
    /** For partners on another deployment: `orgId@nodeId` (spec/referral-exchange.md). */
    remoteAddress: text('remote_address'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    index('organisation_path_idx').on(t.tenantId, t.path.op('text_pattern_ops')),
    check('organisation_latitude_range', sql`${t.latitude} between -90 and 90`),
    check('organisation_longitude_range', sql`${t.longitude} between -180 and 180`),
    tenantIsolation('organisation'),
  ],
).enableRLS();
