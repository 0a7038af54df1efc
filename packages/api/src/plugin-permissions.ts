import type { Permission } from '@linju/auth';
import { PERMISSIONS } from '@linju/auth/permissions';
import type { PermissionDefinition, PluginRegistry } from '@linju/plugin-sdk';
import { pluginRegistry } from '@linju/plugins';

type RoleTable = Readonly<Record<string, readonly string[]>>;

/**
 * Plugin permissions are carried by platform permissions: a staff member holds
 * `x-psychology.case.handle` on an organisation exactly where a role of theirs holds its
 * `grantedWith` (`case.handle`), with the platform's scope — the organisation a grant was made on
 * and everything below it. So no role table names a plugin, and checking a plugin permission on an
 * object is checking its carrier there.
 *
 * For `dependsOn` to hold under that rule, a carrier must reach no role its dependencies' carriers
 * miss (`agreement.create` on `case.handle` may depend on `case.view` on `case.read`, not the other
 * way round). This lists the permissions breaking it, naming the roles.
 */
export function uncarriedDependencies(
  permissions: readonly PermissionDefinition[],
  roles: RoleTable,
): string[] {
  const byId = new Map(permissions.map((permission) => [permission.id, permission]));
  return permissions.flatMap((permission) =>
    (permission.dependsOn ?? []).flatMap((dependencyId) => {
      const dependency = byId.get(dependencyId);
      if (!dependency) return [];
      const missing = (roles[permission.grantedWith] ?? []).filter(
        (role) => !(roles[dependency.grantedWith] ?? []).includes(role),
      );
      return missing.length === 0
        ? []
        : [
            `"${permission.id}" (with ${permission.grantedWith}) depends on "${dependencyId}" (with ${dependency.grantedWith}), which ${missing.join(', ')} would lack`,
          ];
    }),
  );
}

/**
 * The platform permission carrying a plugin permission, for the checks on the organisation or the
 * case. Throws for an id no installed plugin declares: procedures call it when their module loads,
 * so a misspelt permission stops the server at start-up.
 */
export function carrierOf(pluginPermissionId: string, registry: PluginRegistry = pluginRegistry): Permission {
  return registry.permission(pluginPermissionId).grantedWith as Permission;
}

const problems = uncarriedDependencies(pluginRegistry.permissions(), PERMISSIONS);
if (problems.length > 0) {
  throw new Error(`Plugin permissions whose dependencies are not carried along: ${problems.join('; ')}`);
}
