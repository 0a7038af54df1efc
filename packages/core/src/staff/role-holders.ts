import { and, eq, isNull, type SQL, schema, sql, type TenantTx } from '@linju/db';

type Role = (typeof schema.roleGrant.$inferSelect)['role'];

/** The enabled staff granted `role` on an organisation `where` selects (by `schema.organisation`). */
async function holdersOf(tx: TenantTx, role: Role, where: SQL): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: schema.roleGrant.staffMemberId })
    .from(schema.roleGrant)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.roleGrant.organisationId))
    .innerJoin(schema.staffMember, eq(schema.staffMember.id, schema.roleGrant.staffMemberId))
    .where(and(eq(schema.roleGrant.role, role), where, isNull(schema.staffMember.disabledAt)));
  return rows.map((r) => r.id);
}

/**
 * Station heads who answer for a unit: `station-head` granted on the unit or any unit above it
 * (a grant covers its subtree). They are the second reader of an escalation.
 */
export const stationHeadsOver = (tx: TenantTx, organisationPath: string): Promise<string[]> =>
  holdersOf(tx, 'station-head', sql`${organisationPath} like ${schema.organisation.path} || '%'`);

/** The bureau's administrators: `bureau-admin` on a root of the tree. */
export const bureauAdmins = (tx: TenantTx): Promise<string[]> =>
  holdersOf(tx, 'bureau-admin', isNull(schema.organisation.parentId));

/** The desk officers of one unit (granted on it, not above): the front desk a transfer lands at. */
export const deskOfficersAt = (tx: TenantTx, organisationId: string): Promise<string[]> =>
  holdersOf(tx, 'desk-officer', eq(schema.organisation.id, organisationId));
