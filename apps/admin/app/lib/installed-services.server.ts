import { pluginRegistry } from '@linju/plugins';

/** The installed services (the plugins), each with its kind and its names from its manifest, in the registry's order. */
export const installedServices = pluginRegistry.plugins.map(({ id, kind, name }) => ({ id, kind, name }));
