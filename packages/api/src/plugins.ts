import { plugin as appraisal } from '@linju/plugin-appraisal';
import { plugin as consultation } from '@linju/plugin-consultation';
import { plugin as legalAid } from '@linju/plugin-legal-aid';
import { plugin as legalEducation } from '@linju/plugin-legal-education';
import { plugin as mediation } from '@linju/plugin-mediation';
import { plugin as notary } from '@linju/plugin-notary';
import { createPluginRegistry, pluginMigrationSets } from '@linju/plugin-sdk';
import { plugin as xCounselling } from '@linju/plugin-x-counselling';
import { plugin as xEnterpriseCheckup } from '@linju/plugin-x-enterprise-checkup';

/**
 * The composition root of the service catalogue: every plugin this deployment ships, listed
 * explicitly (no directory scanning), validated when the module loads — a bad manifest stops
 * the server at start-up with the plugin and field named.
 */
export const pluginRegistry = createPluginRegistry([
  consultation,
  notary,
  mediation,
  legalAid,
  appraisal,
  legalEducation,
  xCounselling,
  xEnterpriseCheckup,
]);

export const pluginIds = pluginRegistry.plugins.map((p) => p.id);

export type PluginId = (typeof pluginRegistry.plugins)[number]['id'];

/** The plugins' own migrations, in this order, for `migrate(…, { plugins })` after the core's. */
export const pluginMigrations = pluginMigrationSets(pluginRegistry.plugins);
