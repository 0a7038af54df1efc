import { PERMISSIONS } from '@linju/auth/permissions';
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
 * the server at start-up with the plugin and field named, as does a plugin permission whose
 * `grantedWith` is not a platform permission. (The permissions module only: `@linju/auth`'s index
 * brings argon2 into the admin app's route config, which loads this file.)
 */
export const pluginRegistry = createPluginRegistry(
  [consultation, notary, mediation, legalAid, appraisal, legalEducation, xCounselling, xEnterpriseCheckup],
  { platformPermissions: Object.keys(PERMISSIONS) },
);

export const pluginIds = pluginRegistry.plugins.map((p) => p.id);

export type PluginId = (typeof pluginRegistry.plugins)[number]['id'];

/** The plugins' own migrations, in this order, for `migrate(…, { plugins })` after the core's. */
export const pluginMigrations = pluginMigrationSets(pluginRegistry.plugins);
