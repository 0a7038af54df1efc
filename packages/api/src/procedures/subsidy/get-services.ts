import { pluginRegistry } from '@linju/plugins';
import { permittedProcedure } from '../../trpc.ts';

/**
 * The installed services with their names from the manifests, for the subsidy page: whether a
 * rule sets a service's subsidy, or its plugin records its cases' subsidies itself (`subsidySources`).
 */
export const getServices = permittedProcedure('subsidy.manage').query(() =>
  // A knowledge service has no cases, so nothing to subsidise.
  pluginRegistry.plugins
    .filter((plugin) => plugin.kind !== 'knowledge')
    .map((plugin) => ({
      id: plugin.id,
      name: plugin.name,
      byRule: !plugin.subsidySources?.length,
    })),
);
