import { and, eq, isNull, schema, sql, type TenantTx } from '@linju/db';

/**
 * Station heads who answer for a unit: `station-head` granted on the unit or any unit above it
 * (a grant covers its subtree), accounts still enabled. They are the second reader of an escalation.
 */
export async function stationHeadsOver(tx: TenantTx, organisationPath: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: schema.roleGrant.staffMemberId })
    .from(schema.roleGrant)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.roleGrant.organisationId))
    .innerJoin(schema.staffMember, eq(schema.staffMember.id, schema.roleGrant.staffMemberId))
    .where(
      and(
        eq(schema.roleGrant.role, 'station-head'),
        sql`${organisationPath} like ${schema.organisation.path} || '%'`,
        isNull(schema.staffMember.disabledAt),
      ),
    );
  return rows.map((r) => r.id);
}
