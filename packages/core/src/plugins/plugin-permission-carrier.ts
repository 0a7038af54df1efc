import type { Permission } from '@linju/auth';
import type { AnyPlugin } from '@linju/plugin-sdk';

/** The platform permission that carries one of a plugin's (`grantedWith`): it is held wherever that one is. */
export function pluginPermissionCarrier(plugin: AnyPlugin, permission: string): Permission {
  const carrier = plugin.permissions.find((p) => p.id === permission)?.grantedWith;
  if (!carrier) throw new Error(`Plugin "${plugin.id}" has no permission "${permission}"`);
  return carrier as Permission;
}
