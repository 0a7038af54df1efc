import { and, eq, inArray, ne, or, schema, sql, type TenantTx } from '@linju/db';

export type Conflict = {
  caseId: string;
  number: string;
  /** The staff member acted for the person (they were that case's resident) or against them. */
  relation: 'acted-for' | 'acted-against';
  partyName: string;
};

/**
 * 利益冲突审查: the cases elsewhere in the tenant that `staffMemberId` handled (was ever assigned)
 * where one of this case's people — its adverse parties, or its resident — appeared. "The same
 * person" is the same ID number (blind index) or, without one, the same name; a name match can be
 * a namesake, which is why a conflict warns and asks for a reason rather than forbidding.
 */
export async function findConflicts(
  tx: TenantTx,
  caseId: string,
  staffMemberId: string,
): Promise<Conflict[]> {
  const [current] = await tx
    .select({ resident: schema.resident })
    .from(schema.legalCase)
    .innerJoin(schema.resident, eq(schema.resident.id, schema.legalCase.residentId))
    .where(eq(schema.legalCase.id, caseId));
  if (!current) return [];
  const parties = await tx
    .select({ identityKey: schema.caseParty.identityKey, name: schema.caseParty.name })
    .from(schema.caseParty)
    .where(and(eq(schema.caseParty.caseId, caseId), eq(schema.caseParty.role, 'adverse')));
  const residentKeys = [
    ...(current.resident.idNumberIndex ? [current.resident.idNumberIndex] : []),
    `name:${current.resident.name.replace(/\s+/g, '')}`,
  ];
  // Everyone on this case; the staff member must not have been on the other side of any of them.
  const keyNames = new Map<string, string>([
    ...parties.map((p) => [p.identityKey, p.name] as const),
    ...residentKeys.map((k) => [k, current.resident.name] as const),
  ]);
  const keys = [...keyNames.keys()];
  const handled = tx
    .select({ caseId: schema.caseHandler.caseId })
    .from(schema.caseHandler)
    .where(and(eq(schema.caseHandler.staffMemberId, staffMemberId), ne(schema.caseHandler.caseId, caseId)));

  const residentKey = sql<string>`'name:' || regexp_replace(${schema.resident.name}, '\\s+', '', 'g')`;
  const adverseKeys = parties.map((p) => p.identityKey);
  // Acted for: an adverse party of this case was the resident of a case they handled.
  const actedFor =
    adverseKeys.length === 0
      ? []
      : await tx
          .select({
            caseId: schema.legalCase.id,
            number: schema.legalCase.number,
            name: schema.resident.name,
          })
          .from(schema.legalCase)
          .innerJoin(schema.resident, eq(schema.resident.id, schema.legalCase.residentId))
          .where(
            and(
              inArray(schema.legalCase.id, handled),
              or(inArray(schema.resident.idNumberIndex, adverseKeys), inArray(residentKey, adverseKeys)),
            ),
          );
  // Acted against: someone of this case (adverse party or resident) was an adverse party there.
  const actedAgainst = await tx
    .select({
      caseId: schema.legalCase.id,
      number: schema.legalCase.number,
      key: schema.caseParty.identityKey,
    })
    .from(schema.caseParty)
    .innerJoin(schema.legalCase, eq(schema.legalCase.id, schema.caseParty.caseId))
    .where(
      and(
        inArray(schema.caseParty.caseId, handled),
        eq(schema.caseParty.role, 'adverse'),
        inArray(schema.caseParty.identityKey, keys),
      ),
    );
  const conflicts: Conflict[] = [
    ...actedFor.map((r) => ({
      caseId: r.caseId,
      number: r.number,
      relation: 'acted-for' as const,
      partyName: r.name,
    })),
    ...actedAgainst.map((r) => ({
      caseId: r.caseId,
      number: r.number,
      relation: 'acted-against' as const,
      partyName: keyNames.get(r.key) ?? '',
    })),
  ];
  const seen = new Set<string>();
  return conflicts.filter((c) => {
    const k = `${c.caseId}:${c.relation}:${c.partyName}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
