import { asc, type Database, isNull, schema, withTenant } from '@linju/db';
import type { CatalogueEntry, LocalizedText } from '@linju/plugin-sdk';
import { DomainError } from '../errors.ts';
import { findTenantBySlug } from '../tenants/tenant-queries.ts';
import { provinceOfDivision } from './china-province.ts';
import { hsdsId } from './hsds-id.ts';

/** What the export needs of a plugin: its id, names and catalogue entries. */
export type CataloguePlugin = {
  readonly id: string;
  /** A knowledge plugin (`knowledge`) is no service a resident can find: not published. */
  readonly kind: string;
  readonly name: LocalizedText;
  readonly catalogue: readonly CatalogueEntry[];
};

/** The taxonomy every service is classified in: Linju's service types (a plugin or an X service). */
const SERVICE_TYPES = {
  id: hsdsId('taxonomy', 'service-type'),
  name: 'Linju service types',
  description:
    'The kind of public legal service (mediation, legal aid, notary, …): a Linju plugin or a street-defined X service. Term codes are their ids.',
  version: '1',
};

/** The one language Linju's published texts are in. */
const chinese = (owner: { service_id: string }) => ({
  id: hsdsId('language', owner.service_id, 'zh'),
  ...owner,
  name: 'Chinese',
  code: 'zh',
});

/** Omits what Linju does not know, rather than publishing null where HSDS expects a value. */
const known = <T extends object>(fields: T) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };

/**
 * The district's service catalogue as Open Referral HSDS 3.0 objects: the bureau as the
 * organization, each catalogue entry of a service switched on somewhere (and each street-defined
 * X service) as a service, each open service point as a location, and a service_at_location for
 * every unit where the service is on (the nearest setting up the tree decides, as for intake).
 * Public information only: names, descriptions, addresses, hours and the units' public phones.
 *
 * Every id is a UUID and stable: the tables' own UUIDs where Linju has them (the bureau, its units),
 * UUIDv5 of the internal key otherwise (`hsdsId`), so a directory that imported yesterday's export
 * recognises today's objects. Lists come in a fixed order, so pages do not shift between requests.
 */
export async function hsdsCatalogue(db: Database, tenantSlug: string, plugins: readonly CataloguePlugin[]) {
  const tenant = await findTenantBySlug(db, tenantSlug);
  if (tenant?.status !== 'active') {
    throw new DomainError('not-found', 'tenant.not_found', { field: 'tenant' });
  }
  const { units, settings, xServices } = await withTenant(db, tenant.id, async (tx) => ({
    units: (
      await tx
        .select()
        .from(schema.organisation)
        .where(isNull(schema.organisation.closedAt))
        .orderBy(asc(schema.organisation.path))
    ).filter((o) => (schema.NETWORK_ORGANISATION_KINDS as readonly string[]).includes(o.kind)),
    settings: await tx.select().from(schema.serviceEnablement),
    xServices: await tx
      .select()
      .from(schema.xService)
      .where(isNull(schema.xService.retiredAt))
      .orderBy(asc(schema.xService.serviceId)),
  }));

  const organizationId = tenant.id;
  const enabledAt = (path: string, serviceType: string) => {
    const chain = path.split('/').filter(Boolean);
    const nearest = settings
      .filter((s) => s.pluginId === serviceType && chain.includes(s.organisationId))
      .sort((a, b) => chain.indexOf(b.organisationId) - chain.indexOf(a.organisationId))[0];
    return nearest?.enabled ?? false;
  };

  const taxonomyTerms: {
    id: string;
    code: string;
    name: string;
    description: string;
    taxonomy: string;
    taxonomy_id: string;
  }[] = [];
  const classify = (code: string, name: string, description: string) => {
    const term = {
      id: hsdsId('service-type', code),
      code,
      name,
      description,
      taxonomy: SERVICE_TYPES.name,
      taxonomy_id: SERVICE_TYPES.id,
    };
    if (!taxonomyTerms.some((t) => t.id === term.id)) taxonomyTerms.push(term);
    return term;
  };

  const services: ReturnType<typeof service>[] = [];
  const serviceAtLocations: { id: string; service_id: string; location_id: string }[] = [];
  function service(
    key: string,
    term: { id: string },
    text: { name: string; alternate_name: string; description: string },
    documents: readonly { id: string; name: LocalizedText }[],
  ) {
    const id = hsdsId(organizationId, 'service', key);
    return {
      id,
      organization_id: organizationId,
      ...text,
      status: 'active' as const,
      languages: [chinese({ service_id: id })],
      required_documents: documents.map((d) => ({
        id: hsdsId(id, 'required-document', d.id),
        service_id: id,
        document: d.name['zh-CN'],
      })),
      attributes: [
        {
          id: hsdsId(id, 'attribute', term.id),
          link_id: id,
          link_type: 'service_type',
          link_entity: 'service',
          taxonomy_term_id: term.id,
        },
      ],
    };
  }
  const offer = (serviceId: string, unitIds: readonly string[]) => {
    for (const unitId of unitIds) {
      serviceAtLocations.push({
        id: hsdsId(serviceId, 'at', unitId),
        service_id: serviceId,
        location_id: unitId,
      });
    }
  };

  for (const plugin of plugins) {
    if (plugin.kind === 'knowledge') continue;
    const where = units.filter((u) => enabledAt(u.path, plugin.id)).map((u) => u.id);
    if (where.length === 0) continue;
    const term = classify(plugin.id, plugin.name['zh-CN'], plugin.name.en);
    for (const entry of plugin.catalogue) {
      const published = service(
        `${plugin.id}/${entry.id}`,
        term,
        {
          name: entry.name['zh-CN'],
          alternate_name: entry.name.en,
          description: entry.description['zh-CN'],
        },
        entry.requiredDocuments ?? [],
      );
      services.push(published);
      offer(published.id, where);
    }
  }
  for (const x of xServices) {
    const published = service(
      x.serviceId,
      classify(x.serviceId, x.nameZh, x.descriptionZh),
      { name: x.nameZh, alternate_name: x.nameEn, description: x.descriptionZh },
      [],
    );
    services.push(published);
    offer(
      published.id,
      units
        .filter((u) => u.path.includes(`/${x.organisationId}/`) && enabledAt(u.path, x.serviceId))
        .map((u) => u.id),
    );
  }

  const region = provinceOfDivision(tenant.divisionCode);
  return {
    organization: {
      id: tenant.id,
      name: tenant.nameZh,
      alternate_name: tenant.nameEn,
      description: `${tenant.nameZh}公共法律服务目录`,
      organization_identifiers: [
        {
          id: hsdsId(tenant.id, 'identifier', 'division-code'),
          organization_id: tenant.id,
          identifier_scheme: 'CN-GB/T2260',
          identifier_type: 'Administrative division code (GB/T 2260)',
          identifier: tenant.divisionCode,
        },
      ],
    },
    services,
    locations: units.map((u) =>
      known({
        id: u.id,
        organization_id: tenant.id,
        location_type: 'physical' as const,
        name: u.nameZh,
        alternate_name: u.nameEn,
        latitude: u.latitude,
        longitude: u.longitude,
        // Linju keeps one address line; HSDS requires the split fields, so the parts it cannot
        // know are empty strings (HSDS's own "not known") rather than guesses.
        addresses: u.address
          ? [
              {
                id: hsdsId(u.id, 'address'),
                location_id: u.id,
                address_type: 'physical' as const,
                address_1: u.address,
                city: region.city ?? '',
                region: tenant.nameZh,
                state_province: region.province,
                postal_code: '',
                country: 'CN',
              },
            ]
          : [],
        phones: u.phone ? [{ id: hsdsId(u.id, 'phone'), location_id: u.id, number: u.phone }] : [],
        schedules: u.openingHours
          ? [{ id: hsdsId(u.id, 'schedule'), location_id: u.id, description: u.openingHours }]
          : [],
      }),
    ),
    service_at_locations: serviceAtLocations,
    taxonomies: [SERVICE_TYPES],
    taxonomy_terms: taxonomyTerms,
  };
}

/** A district's catalogue as HSDS objects, as `hsdsCatalogue` answers it. */
export type HsdsCatalogue = Awaited<ReturnType<typeof hsdsCatalogue>>;
