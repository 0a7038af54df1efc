import { ADMIN_ROLES, PERMISSIONS, type Permission, type Role } from '@linju/vocabulary';

export { ADMIN_ROLES, PERMISSIONS, type Permission } from '@linju/vocabulary';

export type Grant = { role: Role; organisationPath: string };

export const roleAllows = (role: Role, permission: Permission) =>
  (PERMISSIONS[permission] as readonly Role[]).includes(role);

/** Whether any grant allows `permission` on the organisation at `targetPath` (its own or an ancestor's). */
export function grantsAllow(grants: readonly Grant[], permission: Permission, targetPath: string): boolean {
  return grants.some((g) => roleAllows(g.role, permission) && targetPath.startsWith(g.organisationPath));
}

/** Everything `role` may do, read from the registry. */
export const permissionsOf = (role: Role): Permission[] =>
  (Object.keys(PERMISSIONS) as Permission[]).filter((p) => roleAllows(role, p));

/**
 * The role ceiling: whether the grants hold, at `targetPath` (granted there or above), every
 * permission `role` carries. Nobody hands out, or takes away, more than they have there.
 */
export const roleWithinCeiling = (grants: readonly Grant[], role: Role, targetPath: string) =>
  permissionsOf(role).every((p) => grantsAllow(grants, p, targetPath));

/** The tree paths where `permission` holds; an empty list means nowhere. */
export const scopesFor = (grants: readonly Grant[], permission: Permission) =>
  grants.filter((g) => roleAllows(g.role, permission)).map((g) => g.organisationPath);

export const needsTwoFactor = (roles: readonly Role[]) => roles.some((r) => ADMIN_ROLES.includes(r));
