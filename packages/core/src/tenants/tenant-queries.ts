import { eq, type Queryable, schema } from '@linju/db';
import { isCityDivision } from './division-code.ts';

export type Tenant = typeof schema.tenant.$inferSelect;

export async function findTenantBySlug(db: Queryable, slug: string): Promise<Tenant | null> {
  const [row] = await db.select().from(schema.tenant).where(eq(schema.tenant.slug, slug));
  return row ?? null;
}

/**
 * A district's names by its slug, for its sign-in page (所属区：徐汇区), or null for none: public,
 * as the district's public pages and service catalogue name it too. Only the names, explicitly.
 */
export async function districtNamesBySlug(
  db: Queryable,
  slug: string,
): Promise<{ nameZh: string; nameEn: string } | null> {
  const [row] = await db
    .select({ nameZh: schema.tenant.nameZh, nameEn: schema.tenant.nameEn })
    .from(schema.tenant)
    .where(eq(schema.tenant.slug, slug));
  return row ?? null;
}

export async function findTenantById(db: Queryable, id: string): Promise<Tenant | null> {
  const [row] = await db.select().from(schema.tenant).where(eq(schema.tenant.id, id));
  return row ?? null;
}

/** The district's time zone (IANA), `Asia/Shanghai` when none is set. */
export async function tenantTimeZone(db: Queryable, tenantId: string): Promise<string> {
  const [row] = await db
    .select({ timeZone: schema.tenant.timeZone })
    .from(schema.tenant)
    .where(eq(schema.tenant.id, tenantId));
  return row?.timeZone ?? 'Asia/Shanghai';
}

/**
 * A district takes residents' matters; a city bureau (a city-level division, `310100`) only sees
 * its districts' figures, so it has no cases, duty rosters or sweeps, nor their schedules.
 */
export const takesCases = (tenant: { divisionCode: string }): boolean => !isCityDivision(tenant.divisionCode);
