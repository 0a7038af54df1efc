import {
  type Actor,
  type ListReferralsRequest,
  listOutgoingReferrals,
  missingOutcomeDocuments,
  referralsWithLinks,
} from '@linju/core';
import type { TenantTx } from '@linju/db';

/**
 * Outgoing referrals of the units the actor covers now, newest first; `oneTimeLink`
 * marks those whose partner answers through a one-time link (a new link can be issued);
 * `missingDocuments` names the documents returned with the outcome that could not be taken (the
 * case page offers to fetch them again).
 */
export async function outgoingReferrals(
  tx: TenantTx,
  actor: Actor,
  tenantId: string,
  input: ListReferralsRequest,
) {
  const rows = await listOutgoingReferrals(tx, actor, input);
  const ids = rows.map((r) => r.id);
  const linked = await referralsWithLinks(tx, tenantId, ids);
  const missing = await missingOutcomeDocuments(tx, ids);
  return rows.map((r) => ({
    ...r,
    oneTimeLink: linked.has(r.id),
    missingDocuments: missing.get(r.id) ?? [],
  }));
}
