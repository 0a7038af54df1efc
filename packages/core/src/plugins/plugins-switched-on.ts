import { and, eq, inArray, schema, type TenantTx } from '@linju/db';

/**
 * The services switched on at some unit of the district (the tenant of `tx`), of `pluginIds`.
 * A unit switching one on covers its subtree, so one such setting anywhere means some unit
 * offers it — enough for the admin app to show the service's district pages.
 */
export async function pluginsSwitchedOn(tx: TenantTx, pluginIds: readonly string[]): Promise<string[]> {
  if (pluginIds.length === 0) return [];
  const rows = await tx
    .selectDistinct({ pluginId: schema.serviceEnablement.pluginId })
    .from(schema.serviceEnablement)
    .where(
      and(
        eq(schema.serviceEnablement.enabled, true),
        inArray(schema.serviceEnablement.pluginId, [...pluginIds]),
      ),
    );
  const on = new Set(rows.map((row) => row.pluginId));
  return pluginIds.filter((id) => on.has(id));
}
