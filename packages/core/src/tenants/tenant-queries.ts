import { eq, type Queryable, schema } from '@linju/db';

export type Tenant = typeof schema.tenant.$inferSelect;

export async function findTenantBySlug(db: Queryable, slug: string): Promise<Tenant | null> {
  const [row] = await db.select().from(schema.tenant).where(eq(schema.tenant.slug, slug));
  return row ?? null;
}

export async function findTenantById(db: Queryable, id: string): Promise<Tenant | null> {
  const [row] = await db.select().from(schema.tenant).where(eq(schema.tenant.id, id));
  return row ?? null;
}
