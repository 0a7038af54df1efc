import { schema, type TenantTx } from '@linju/db';
import { translate } from '@linju/i18n';
import type { AnyPlugin } from '@linju/plugin-sdk';

/** The installed services with their names, as their manifests give them (the caller's registry). */
export type InstalledServices = readonly Pick<AnyPlugin, 'id' | 'name'>[];

/**
 * The Chinese name of each service a report may list: an installed plugin's from its manifest, a
 * street's X service's from its definition (retired ones too: their cases still count), and 待定
 * for a case not yet triaged. Core keeps no list of services: a service it cannot name shows as
 * its id rather than failing the report.
 */
export async function reportServiceNames(
  tx: TenantTx,
  installed: InstalledServices,
): Promise<(serviceId: string) => string> {
  const streets = await tx
    .select({ id: schema.xService.serviceId, name: schema.xService.nameZh })
    .from(schema.xService);
  const names = new Map<string, string>([
    [schema.UNDECIDED_SERVICE, translate('zh-CN', 'service.undecided')],
    ...installed.map(({ id, name }): [string, string] => [id, name['zh-CN']]),
    ...streets.map(({ id, name }): [string, string] => [id, name]),
  ]);
  return (serviceId) => names.get(serviceId) ?? serviceId;
}
