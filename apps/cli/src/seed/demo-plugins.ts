import type { SecretBox } from '@linju/auth';
import { type Actor, pluginSeedContext } from '@linju/core';
import type { TenantTx } from '@linju/db';
import { pluginRegistry } from '@linju/plugins';

/**
 * Each installed plugin's part of the demo district (its manifest's `demo`), in the catalogue's
 * order: the notary's appointment book, legal-aid decisions, consultation logs, appraisal advice,
 * the month's publicity events — made through the plugins' own rules, as the API would.
 *
 * `staff(username)` is the system actor under a demo account's name: a plugin's seed acts as that
 * person without tying the demo to which role holds which right.
 */
export async function seedPlugins(
  tx: TenantTx,
  box: SecretBox,
  at: { centreId: string; stationId: string; staff: (username: string) => Actor },
) {
  const platform = {
    tenantId: at.staff('admin').tenantId,
    box,
    forms: pluginRegistry,
    now: new Date(),
    organisations: { centreId: at.centreId, stationId: at.stationId },
    staff: at.staff,
  };
  for (const plugin of pluginRegistry.plugins) {
    await plugin.demo?.(pluginSeedContext(tx, plugin, platform));
  }
}
