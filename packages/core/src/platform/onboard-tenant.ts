import { randomUUID } from 'node:crypto';
import { type Database, type Queryable, schema, withTenant } from '@linju/db';
import { auditActor, systemActor } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { seedNationalCalendar } from '../calendar/national-calendar.ts';
import { DomainError } from '../errors.ts';
import { createOrganisation } from '../organisations/organisation-service.ts';
import { createStaffMember } from '../staff/staff-service.ts';
import { findTenantBySlug, type Tenant } from '../tenants/tenant-queries.ts';
import { type OnboardTenantRequest, ZOnboardTenantRequest } from '../tenants/tenant-schemas.ts';

export type OnboardingResult = { tenant: Tenant; created: boolean; centreId: string | null };

/**
 * Onboards a district: the tenant, its centre (root of the tree), the first bureau administrator
 * and its starting services, in one transaction. Repeating the same request is a no-op; the same
 * slug with other details is refused.
 */
export async function onboardTenant(
  db: Queryable,
  request: OnboardTenantRequest,
  by: { operatorId: string | null; operatorName: string },
): Promise<OnboardingResult> {
  const input = ZOnboardTenantRequest.parse(request);
  const existing = await findTenantBySlug(db, input.slug);
  if (existing) {
    const same =
      existing.nameZh === input.nameZh &&
      existing.nameEn === input.nameEn &&
      existing.divisionCode === input.divisionCode;
    if (same) return { tenant: existing, created: false, centreId: null };
    throw new DomainError('conflict', 'tenant.slug_taken', { field: 'slug' });
  }
  return (db as Database).transaction(async (tx) => {
    const id = randomUUID();
    const [tenant] = await tx
      .insert(schema.tenant)
      .values({
        id,
        slug: input.slug,
        nameZh: input.nameZh,
        nameEn: input.nameEn,
        divisionCode: input.divisionCode,
        timeZone: input.timeZone,
        branding: { colour: input.branding.colour, logoUrl: input.branding.logoUrl ?? null },
      })
      .returning();
    if (!tenant) throw new Error('tenant insert returned no row');
    const actor = { ...systemActor(id, by.operatorName), id: by.operatorId };
    return withTenant(tx, id, async (ttx) => {
      await appendAudit(ttx, {
        ...auditActor(actor),
        action: 'tenant.onboarded',
        objectType: 'tenant',
        objectId: id,
        after: tenant,
      });
      const centre = await createOrganisation(ttx, actor, { kind: 'centre', ...input.centre });
      await createStaffMember(ttx, actor, {
        ...input.firstAdmin,
        organisationId: centre.id,
        roles: [{ role: 'bureau-admin', organisationId: centre.id }],
      });
      if (input.services.length > 0) {
        await ttx.insert(schema.serviceEnablement).values(
          input.services.map((pluginId) => ({
            tenantId: id,
            organisationId: centre.id,
            pluginId,
            enabled: true,
          })),
        );
        await appendAudit(ttx, {
          ...auditActor(actor),
          action: 'catalogue.enabled',
          objectType: 'organisation',
          objectId: centre.id,
          after: { services: input.services },
        });
      }
      // Time limits count working days: every district starts with the national calendar.
      await seedNationalCalendar(ttx, actor);
      return { tenant, created: true, centreId: centre.id };
    });
  });
}
