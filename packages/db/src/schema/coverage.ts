import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantId, tenantIsolation } from './tenancy.ts';

/** Urban communities (社区) and villages (村) have different distance rules. */
export const SETTLEMENTS = ['town', 'village'] as const;
export type Settlement = (typeof SETTLEMENTS)[number];

/**
 * A residential community or village the district must cover (居委/村委), with its coordinates:
 * what the "15-minute service circle" (15分钟公共法律服务圈) is measured for.
 */
export const community = pgTable(
  'community',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    settlement: text('settlement', { enum: SETTLEMENTS }).notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check('community_latitude_range', sql`${t.latitude} between -90 and 90`),
    check('community_longitude_range', sql`${t.longitude} between -180 and 180`),
    tenantIsolation('community'),
  ],
).enableRLS();

/**
 * The district's distance rule: a community is covered when a service point is within this
 * walking distance (straight-line distance × the walking factor). One row per tenant; without it
 * the defaults apply (1.2 km in towns, 2 km in villages, factor 1.3).
 */
export const coverageRule = pgTable(
  'coverage_rule',
  {
    tenantId: tenantId(),
    townMetres: integer('town_metres').notNull().default(1200),
    villageMetres: integer('village_metres').notNull().default(2000),
    walkingFactor: doublePrecision('walking_factor').notNull().default(1.3),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId] }),
    check(
      'coverage_rule_metres',
      sql`${t.townMetres} between 100 and 50000 and ${t.villageMetres} between 100 and 50000`,
    ),
    check('coverage_rule_factor', sql`${t.walkingFactor} between 1 and 3`),
    tenantIsolation('coverage_rule'),
  ],
).enableRLS();

/**
 * The datums a boundary may be drawn in: GPS (WGS-84), which Linju keeps, or the offset datum of
 * China's map services (GCJ-02, 高德 / 腾讯), converted to WGS-84 on upload.
 */
export const MAP_DATUMS = ['wgs84', 'gcj02'] as const;
export type MapDatum = (typeof MAP_DATUMS)[number];

/** One polygon's rings (outer first, then holes), each ring `[longitude, latitude]` pairs in WGS-84. */
export type BoundaryPolygon = [number, number][][];

/**
 * The district's boundary, as its bureau uploaded it (GeoJSON), drawn under the hotspot map and
 * the 15-minute service circle. One row per tenant; replaced by the next upload.
 */
export const districtBoundary = pgTable(
  'district_boundary',
  {
    tenantId: tenantId(),
    polygons: jsonb('polygons').$type<BoundaryPolygon[]>().notNull(),
    /** The datum the file was in (its coordinates are kept converted to WGS-84). */
    sourceDatum: text('source_datum', { enum: MAP_DATUMS }).notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId] }), tenantIsolation('district_boundary')],
).enableRLS();
