import { asc, type Database, eq, type Queryable, schema, withTenant } from '@linju/db';
import { z } from 'zod';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';

/** `FW.Xuhui.gov.cn.` → `fw.xuhui.gov.cn`: a host name as browsers send it, at least two labels. */
export const ZTenantHost = z
  .string()
  .trim()
  .toLowerCase()
  .transform((host) => host.replace(/\.$/, ''))
  .pipe(
    z
      .string()
      .max(253, { message: 'platform.domain_invalid' })
      .regex(/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/, {
        message: 'platform.domain_invalid',
      }),
  );

/** Every district's own host names, for the platform console. */
export function listTenantDomains(db: Queryable) {
  return db
    .select({
      host: schema.tenantDomain.host,
      tenantId: schema.tenantDomain.tenantId,
      slug: schema.tenant.slug,
      createdAt: schema.tenantDomain.createdAt,
    })
    .from(schema.tenantDomain)
    .innerJoin(schema.tenant, eq(schema.tenant.id, schema.tenantDomain.tenantId))
    .orderBy(asc(schema.tenant.slug), asc(schema.tenantDomain.host));
}

/** The slug of the district a host name was given to, if any. */
export async function tenantSlugOfDomain(db: Queryable, host: string): Promise<string | null> {
  const [row] = await db
    .select({ slug: schema.tenant.slug })
    .from(schema.tenantDomain)
    .innerJoin(schema.tenant, eq(schema.tenant.id, schema.tenantDomain.tenantId))
    .where(eq(schema.tenantDomain.host, host));
  return row?.slug ?? null;
}

type Operator = { operatorId: string; requestId?: string | null };

/** Gives a district a host name of its own; a host already given (to any district) is refused. */
export async function addTenantDomain(db: Database, by: Operator, input: { tenantId: string; host: string }) {
  const host = ZTenantHost.parse(input.host);
  return db.transaction(async (tx) => {
    const [tenant] = await tx.select().from(schema.tenant).where(eq(schema.tenant.id, input.tenantId));
    if (!tenant) throw new DomainError('not-found', 'tenant.not_found', { field: 'tenantId' });
    const [added] = await tx
      .insert(schema.tenantDomain)
      .values({ host, tenantId: tenant.id })
      .onConflictDoNothing()
      .returning();
    if (!added) throw new DomainError('conflict', 'platform.domain_taken', { field: 'host' });
    await withTenant(tx, tenant.id, (ttx) =>
      appendAudit(ttx, {
        actorId: by.operatorId,
        actorName: 'platform operator',
        action: 'tenant.domain_added',
        objectType: 'tenant',
        objectId: tenant.id,
        after: { host },
        requestId: by.requestId ?? null,
      }),
    );
    return { host, tenantId: tenant.id };
  });
}

/** Takes a host name back from its district: it names no district from then on. */
export async function removeTenantDomain(db: Database, by: Operator, input: { host: string }) {
  const host = ZTenantHost.parse(input.host);
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(schema.tenantDomain)
      .where(eq(schema.tenantDomain.host, host))
      .returning();
    if (!removed) throw new DomainError('not-found', 'platform.domain_not_found', { field: 'host' });
    await withTenant(tx, removed.tenantId, (ttx) =>
      appendAudit(ttx, {
        actorId: by.operatorId,
        actorName: 'platform operator',
        action: 'tenant.domain_removed',
        objectType: 'tenant',
        objectId: removed.tenantId,
        before: { host },
        requestId: by.requestId ?? null,
      }),
    );
    return { host, tenantId: removed.tenantId };
  });
}
