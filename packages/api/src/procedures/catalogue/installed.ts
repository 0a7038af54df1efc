import { pluginRegistry } from '@linju/plugins';
import { publicProcedure } from '../../trpc.ts';

/**
 * The installed services (the plugins), each with its kind, its names and its case categories'
 * names from its manifest, in the registry's order: how the apps name services and categories
 * without a list of their own. Public, as the landing page lists them; names of services are no
 * district's data.
 */
export const installedServices = () =>
  pluginRegistry.plugins.map(({ id, kind, name, categories }) => ({
    id,
    kind,
    name,
    categories: categories.map((category) => ({ id: category.id, name: category.name })),
  }));

export const installed = publicProcedure.query(() => installedServices());
