import { entryPointsFor } from '@linju/core';
import { and, eq, isNull, schema, type TenantTx } from '@linju/db';
import { type PluginId, pluginEntryPoints, pluginRegistry } from '@linju/plugins';
import { catalogueAt } from '../catalogue/catalogue-at.ts';

/** The district's centre: the root of its service network, whose settings cover the whole district. */
export async function districtCentre(tx: TenantTx) {
  const [centre] = await tx
    .select()
    .from(schema.organisation)
    .where(and(eq(schema.organisation.kind, 'centre'), isNull(schema.organisation.parentId)));
  return centre ?? null;
}

/** What a resident reads of one service item (a plugin's catalogue entry): what it is and what to bring. */
const itemsOf = (serviceId: string) =>
  pluginRegistry.plugins.some((plugin) => plugin.id === serviceId)
    ? pluginRegistry.get(serviceId as PluginId).catalogue.map((item) => ({
        id: item.id,
        name: item.name,
        description: item.description,
        requiredDocuments: (item.requiredDocuments ?? []).map(({ id, name, optional }) => ({
          id,
          name,
          optional: optional ?? false,
        })),
      }))
    : [];

/**
 * The services a resident can use at a unit (the centre for the district): those switched on
 * there, each with its items, its time limit, and the entry points (the seven slogans) it answers.
 */
export async function servicesOnAt(tx: TenantTx, organisationId: string) {
  const catalogue = await catalogueAt(tx, organisationId);
  // A knowledge service helps staff on cases; residents are not taken in for it.
  const on = catalogue.filter((service) => service.enabled && service.kind !== 'knowledge');
  return {
    services: on.map((service) => ({
      id: service.pluginId,
      name: service.name,
      description: service.description,
      workingDays: service.deadlines.defaultWorkingDays,
      items: itemsOf(service.pluginId),
    })),
    entryPoints: entryPointsFor(catalogue, pluginEntryPoints),
    /** The knowledge services on there, whose resident-facing pages the site links (the assistant). */
    knowledgeServices: catalogue
      .filter((service) => service.enabled && service.kind === 'knowledge')
      .map((service) => service.pluginId),
  };
}
