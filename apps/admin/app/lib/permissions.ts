/**
 * What each role may do, as the UI needs it to decide which sections and forms to show. A mirror of
 * the server's registry (packages/auth/src/permissions.ts; a unit test keeps the two equal): the
 * server checks every request again, so a stale mirror can only show a button that gets refused.
 * The admin bundle cannot import @linju/auth, which brings argon2 and the database with it.
 */
const MANAGERS = ['bureau-admin', 'centre-director', 'station-head'] as const;
const EVERY_STAFF_ROLE = [
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
] as const;
/** Everyone who receives and works matters; inspectors and publicity officers only read. */
const CASE_WORKERS = [
  ...MANAGERS,
  'desk-officer',
  'lawyer',
  'notary',
  'mediator',
  'legal-aid-officer',
  'appraiser',
  'volunteer',
] as const;

export const PERMISSIONS = {
  'tenant.settings.manage': ['bureau-admin'],
  'organisation.read': EVERY_STAFF_ROLE,
  'organisation.manage': MANAGERS,
  'partner.manage': ['bureau-admin', 'centre-director'],
  'staff.read': [...MANAGERS, 'inspector'],
  'staff.manage': MANAGERS,
  'adviser.manage': MANAGERS,
  'audit.read': ['bureau-admin', 'inspector'],
  'case.read': EVERY_STAFF_ROLE,
  'case.intake': CASE_WORKERS,
  'case.handle': CASE_WORKERS,
  'case.manage': [...MANAGERS, 'desk-officer'],
  'case.settings.manage': ['bureau-admin'],
  'catalogue.manage': MANAGERS,
  'referral.send': CASE_WORKERS,
  'referral.read': EVERY_STAFF_ROLE,
  'referral.respond': ['partner-user'],
  'statistics.read': [...MANAGERS, 'inspector'],
  'statistics.city.manage': ['bureau-admin'],
  'questionnaire.manage': MANAGERS,
  'questionnaire.read': [...MANAGERS, 'inspector'],
  'assessment.import': ['bureau-admin', 'centre-director', 'inspector'],
  'assessment.read': [...MANAGERS, 'inspector'],
  'inspection.checklist.manage': ['bureau-admin', 'inspector'],
  'inspection.record': ['bureau-admin', 'inspector'],
  'inspection.read': [...MANAGERS, 'inspector'],
  'scorecard.manage': ['bureau-admin'],
  'provider.read': [...MANAGERS, 'desk-officer', 'inspector'],
  'provider.manage': ['bureau-admin', 'centre-director', 'inspector'],
  'volunteer.read': [...MANAGERS, 'inspector'],
  'volunteer.manage': MANAGERS,
  'subsidy.manage': ['bureau-admin', 'centre-director'],
  'file-review.conduct': ['bureau-admin', 'centre-director', 'inspector'],
} as const satisfies Record<string, readonly string[]>;

export type Permission = keyof typeof PERMISSIONS;

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
