import { type Database, isNull, schema, withTenant } from '@linju/db';
import type { CatalogueEntry, LocalizedText } from '@linju/plugin-sdk';
import { DomainError } from '../errors.ts';
import { findTenantBySlug } from '../tenants/tenant-queries.ts';

/** What the export needs of a plugin: its id, names and catalogue entries. */
export type CataloguePlugin = {
  readonly id: string;
  readonly name: LocalizedText;
  readonly catalogue: readonly CatalogueEntry[];
};

/**
 * The district's service catalogue as Open Referral HSDS 3.0 JSON: the bureau as the
 * organization, each catalogue entry of a service switched on somewhere (and each street-defined
 * X service) as a service, each open service point as a location, and a service_at_location for
 * every unit where the service is on (the nearest setting up the tree decides, as for intake).
 * Public information only: names, descriptions, addresses, hours and the units' public phones.
 */
export async function hsdsCatalogue(db: Database, tenantSlug: string, plugins: readonly CataloguePlugin[]) {
  const tenant = await findTenantBySlug(db, tenantSlug);
  if (tenant?.status !== 'active') {
    throw new DomainError('not-found', 'tenant.not_found', { field: 'tenant' });
  }
  const { units, settings, xServices } = await withTenant(db, tenant.id, async (tx) => ({
    units: (await tx.select().from(schema.organisation).where(isNull(schema.organisation.closedAt))).filter(
      (o) => (schema.SERVICE_ORGANISATION_KINDS as readonly string[]).includes(o.kind),
    ),
    settings: await tx.select().from(schema.serviceEnablement),
    xServices: await tx.select().from(schema.xService).where(isNull(schema.xService.retiredAt)),
  }));

  const enabledAt = (path: string, pluginId: string) => {
    const chain = path.split('/').filter(Boolean);
    const nearest = settings
      .filter((s) => s.pluginId === pluginId && chain.includes(s.organisationId))
      .sort((a, b) => chain.indexOf(b.organisationId) - chain.indexOf(a.organisationId))[0];
    return nearest?.enabled ?? false;
  };

  const services: Record<string, unknown>[] = [];
  const serviceAtLocations: Record<string, unknown>[] = [];
  const offer = (serviceId: string, unitIds: readonly string[]) => {
    for (const unitId of unitIds) {
      serviceAtLocations.push({ id: `${serviceId}@${unitId}`, service_id: serviceId, location_id: unitId });
    }
  };
  for (const plugin of plugins) {
    const where = units.filter((u) => enabledAt(u.path, plugin.id)).map((u) => u.id);
    if (where.length === 0) continue;
    for (const entry of plugin.catalogue) {
      const id = `${plugin.id}/${entry.id}`;
      services.push({
        id,
        organization_id: tenant.id,
        name: entry.name['zh-CN'],
        alternate_name: entry.name.en,
        description: entry.description['zh-CN'],
        status: 'active',
        languages: [{ name: 'Chinese', code: 'zh' }],
        // Not HSDS core: the service type (plugin) and the documents to bring, for Linju-aware readers.
        service_type: plugin.id,
        required_documents: (entry.requiredDocuments ?? []).map((d) => ({
          id: `${id}/${d.id}`,
          document: d.name['zh-CN'],
        })),
      });
      offer(id, where);
    }
  }
  for (const x of xServices) {
    const id = `x/${x.serviceId}`;
    services.push({
      id,
      organization_id: tenant.id,
      name: x.nameZh,
      alternate_name: x.nameEn,
      description: x.descriptionZh,
      status: 'active',
      languages: [{ name: 'Chinese', code: 'zh' }],
      service_type: x.serviceId,
      required_documents: [],
    });
    offer(
      id,
      units
        .filter((u) => u.path.includes(`/${x.organisationId}/`) && enabledAt(u.path, x.serviceId))
        .map((u) => u.id),
    );
  }

  return {
    hsds_version: '3.0',
    organizations: [
      {
        id: tenant.id,
        name: tenant.nameZh,
        alternate_name: tenant.nameEn,
        description: `${tenant.nameZh}公共法律服务目录`,
      },
    ],
    services,
    locations: units.map((u) => ({
      id: u.id,
      organization_id: tenant.id,
      location_type: 'physical',
      name: u.nameZh,
      alternate_name: u.nameEn,
      latitude: u.latitude,
      longitude: u.longitude,
      addresses: u.address
        ? [
            {
              id: `${u.id}/address`,
              location_id: u.id,
              address_type: 'physical',
              address_1: u.address,
              country: 'CN',
            },
          ]
        : [],
      phones: u.phone ? [{ id: `${u.id}/phone`, location_id: u.id, number: u.phone }] : [],
      schedules: u.openingHours
        ? [{ id: `${u.id}/hours`, location_id: u.id, description: u.openingHours }]
        : [],
    })),
    service_at_locations: serviceAtLocations,
  };
}
