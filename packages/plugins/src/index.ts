import { PERMISSIONS } from '@linju/auth/permissions';
import { addPluginMessages } from '@linju/i18n';
import { createPluginRegistry, type PluginMessageKey, pluginMigrationSets } from '@linju/plugin-sdk';
import { installedPlugins } from './installed-plugins.ts';
import { mergePluginMessages } from './merge-plugin-messages.ts';
import { entryPointsNotYetInManifests, statisticsNotYetInManifests } from './not-yet-in-manifests.ts';

/**
 * The composition root of the service catalogue: the installed plugins, validated when the module
 * loads — a bad manifest stops the server at start-up with the plugin and field named, as does a
 * plugin permission whose `grantedWith` is not a platform permission. (The permissions module only:
 * `@linju/auth`'s index brings argon2 into the admin app's route config, which loads this file.)
 */
export const pluginRegistry = createPluginRegistry(installedPlugins, {
  platformPermissions: Object.keys(PERMISSIONS),
});

export const pluginIds = pluginRegistry.plugins.map((p) => p.id);

export type PluginId = (typeof pluginRegistry.plugins)[number]['id'];

/** The installed plugins' type, for the API to mount their procedures typed. */
export type InstalledPlugin = (typeof installedPlugins)[number];

/** The plugins' own migrations, in this order, for `migrate(…, { plugins })` after the core's. */
export const pluginMigrations = pluginMigrationSets(pluginRegistry.plugins);

/** The installed plugins' messages per locale, merged into the app's catalogue as this module loads. */
export const pluginMessages = mergePluginMessages(pluginRegistry.plugins.flatMap((p) => p.messages ?? []));
addPluginMessages(pluginMessages);

type InstalledMessageKey = PluginMessageKey<NonNullable<InstalledPlugin['messages']>>;

declare module '@linju/i18n' {
  interface PluginMessageKeys extends Record<InstalledMessageKey, true> {}
}

/** The installed plugins' statistics, with the measures they count under and their recounts. */
export const pluginStatistics = pluginRegistry.plugins.map((plugin) => ({
  id: plugin.id,
  statistics: plugin.statistics?.some((statistic) => statistic.recount)
    ? plugin.statistics
    : [...(plugin.statistics ?? []), ...(statisticsNotYetInManifests[plugin.id] ?? [])],
}));

/** The installed plugins' entry points (the seven slogans), each with its plugin, in their order. */
export const pluginEntryPoints = pluginRegistry.plugins
  .flatMap((plugin) =>
    (plugin.entryPoints?.length ? plugin.entryPoints : (entryPointsNotYetInManifests[plugin.id] ?? [])).map(
      (entryPoint) => ({ ...entryPoint, pluginId: plugin.id }),
    ),
  )
  .sort((a, b) => a.position - b.position);
