import type { Role } from '@linju/db/schema';

/** Roles whose accounts must sign in with a second factor: they can change who may do what. */
export const ADMIN_ROLES: readonly Role[] = ['bureau-admin', 'centre-director', 'station-head'];

const MANAGERS: readonly Role[] = ADMIN_ROLES;
const EVERY_STAFF_ROLE: readonly Role[] = [
  'bureau-admin',
  'centre-director',
  'station-head',
  'desk-officer',
  'lawyer',
  'notary',
  'mediator',
  'legal-aid-officer',
  'appraiser',
  'publicity-officer',
  'volunteer',
  'inspector',
];

/**
 * The typed registry of what each role may do. A grant applies on the organisation it was made on
 * and everything below it in the tree.
 */
export const PERMISSIONS = {
  'tenant.settings.manage': ['bureau-admin'],
  'organisation.read': EVERY_STAFF_ROLE,
  'organisation.manage': MANAGERS,
  'partner.manage': ['bureau-admin', 'centre-director'],
  'staff.read': [...MANAGERS, 'inspector'],
  'staff.manage': MANAGERS,
  'adviser.manage': MANAGERS,
  'audit.read': ['bureau-admin', 'inspector'],
  'catalogue.manage': MANAGERS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export type Grant = { role: Role; organisationPath: string };

export const roleAllows = (role: Role, permission: Permission) =>
  (PERMISSIONS[permission] as readonly Role[]).includes(role);

/** Whether any grant allows `permission` on the organisation at `targetPath` (its own or an ancestor's). */
export function grantsAllow(grants: readonly Grant[], permission: Permission, targetPath: string): boolean {
  return grants.some((g) => roleAllows(g.role, permission) && targetPath.startsWith(g.organisationPath));
}

/** The tree paths where `permission` holds; an empty list means nowhere. */
export const scopesFor = (grants: readonly Grant[], permission: Permission) =>
  grants.filter((g) => roleAllows(g.role, permission)).map((g) => g.organisationPath);

export const needsTwoFactor = (roles: readonly Role[]) => roles.some((r) => ADMIN_ROLES.includes(r));
