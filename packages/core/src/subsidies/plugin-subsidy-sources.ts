import type { TenantTx } from '@linju/db';
import type { AnyPlugin } from '@linju/plugin-sdk';
import type { Actor } from '../actor.ts';
import { pluginDb } from '../plugin-data/plugin-db.ts';
import type { PluginSubsidySource } from './subsidy-ledger.ts';

/**
 * The subsidy sources the installed plugins declare (`subsidySources`), each read through its
 * own plugin's data handle in the request's transaction, under the plugin's id.
 */
export function pluginSubsidySources(
  tx: TenantTx,
  actor: Actor,
  plugins: readonly AnyPlugin[],
): PluginSubsidySource[] {
  return plugins.flatMap((plugin) =>
    (plugin.subsidySources ?? []).map((source) => ({
      serviceType: plugin.id,
      paidIn: async (month: string) => [...(await source.paidIn(pluginDb(tx, actor, plugin.id), month))],
    })),
  );
}
