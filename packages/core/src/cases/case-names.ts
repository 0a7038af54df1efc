import { inArray, schema, type TenantTx } from '@linju/db';
import type { CaseRow } from './case-access.ts';

/**
 * The names a case page shows beside its ids: the first responder, the assignee, the unit that
 * received it and the unit holding it. Read with the case, so a reader needs no staff list (a
 * desk officer may not read it) and no guessing from the timeline.
 */
export async function caseNames(tx: TenantTx, row: CaseRow) {
  const staffIds = [row.firstResponderId, row.assigneeId].filter((id): id is string => id !== null);
  const [people, units] = await Promise.all([
    staffIds.length > 0
      ? tx
          .select({ id: schema.staffMember.id, displayName: schema.staffMember.displayName })
          .from(schema.staffMember)
          .where(inArray(schema.staffMember.id, staffIds))
      : Promise.resolve([]),
    tx
      .select({
        id: schema.organisation.id,
        nameZh: schema.organisation.nameZh,
        nameEn: schema.organisation.nameEn,
      })
      .from(schema.organisation)
      .where(inArray(schema.organisation.id, [row.receivedAtOrganisationId, row.currentOrganisationId])),
  ]);
  const person = (id: string | null) => people.find((p) => p.id === id)?.displayName ?? null;
  const unit = (id: string) => {
    const found = units.find((u) => u.id === id);
    return found ? { nameZh: found.nameZh, nameEn: found.nameEn } : null;
  };
  return {
    firstResponder: person(row.firstResponderId),
    assignee: person(row.assigneeId),
    receivedAt: unit(row.receivedAtOrganisationId),
    current: unit(row.currentOrganisationId),
  };
}
