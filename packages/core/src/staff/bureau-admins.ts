import { and, eq, isNull, schema, type TenantTx } from '@linju/db';

/** The bureau's administrators (on a root of the tree), enabled accounts only. */
export async function bureauAdmins(tx: TenantTx): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: schema.roleGrant.staffMemberId })
    .from(schema.roleGrant)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.roleGrant.organisationId))
    .innerJoin(schema.staffMember, eq(schema.staffMember.id, schema.roleGrant.staffMemberId))
    .where(
      and(
        eq(schema.roleGrant.role, 'bureau-admin'),
        isNull(schema.organisation.parentId),
        isNull(schema.staffMember.disabledAt),
      ),
    );
  return rows.map((r) => r.id);
}
