import { PERMISSIONS, type Permission } from '@linju/vocabulary';

/**
 * What each role may do, as the UI needs it to decide which sections and forms to show: the server's
 * own registry from @linju/vocabulary (the admin bundle cannot import @linju/auth, which brings
 * argon2 and the database with it). The server checks every request again.
 */
export { PERMISSIONS, type Permission } from '@linju/vocabulary';

/** A role held on an organisation, as `auth.me` and `staff.getMany` report it. */
export interface RoleGrant {
  role: string;
  organisationId: string;
}

/** The tree as far as permissions need it: each organisation's parent. */
export interface ParentLink {
  id: string;
  parentId: string | null;
}

export function roleAllows(role: string, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly string[]).includes(role);
}

/** Whether any grant allows `permission` somewhere (the server's first, coarse check). */
export function allowsAnywhere(grants: readonly RoleGrant[], permission: Permission): boolean {
  return grants.some((grant) => roleAllows(grant.role, permission));
}

/** An organisation and its ancestors' ids, nearest first; stops at a cycle or a parent out of sight. */
export function ancestry(id: string, parentOf: ReadonlyMap<string, string | null>): string[] {
  const chain: string[] = [];
  let current: string | null | undefined = id;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = parentOf.get(current);
  }
  return chain;
}

export function parentMap(rows: readonly ParentLink[]): Map<string, string | null> {
  return new Map(rows.map((row) => [row.id, row.parentId]));
}

/** Whether a grant on the organisation or one of its ancestors allows `permission` there. */
export function allowsOn(
  grants: readonly RoleGrant[],
  permission: Permission,
  organisationId: string,
  parentOf: ReadonlyMap<string, string | null>,
): boolean {
  const chain = ancestry(organisationId, parentOf);
  return grants.some((grant) => roleAllows(grant.role, permission) && chain.includes(grant.organisationId));
}

/**
 * District-wide rights (partners, settings, the audit log) come from a grant on a root of the tree,
 * where the bureau's own roles sit. A grant on an organisation the list does not show is not a root.
 */
export function allowsTenantWide(
  grants: readonly RoleGrant[],
  permission: Permission,
  parentOf: ReadonlyMap<string, string | null>,
): boolean {
  return grants.some(
    (grant) =>
      roleAllows(grant.role, permission) &&
      parentOf.has(grant.organisationId) &&
      parentOf.get(grant.organisationId) === null,
  );
}
