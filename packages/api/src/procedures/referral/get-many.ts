import {
  listOutgoingReferrals,
  missingOutcomeDocuments,
  referralsWithLinks,
  ZListReferralsRequest,
} from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/**
 * Outgoing referrals of the units the actor covers now, newest first; `oneTimeLink`
 * marks those whose partner answers through a one-time link (a new link can be issued);
 * `missingDocuments` names the documents returned with the outcome that could not be taken (the
 * case page offers to fetch them again).
 */
export const getMany = permittedProcedure('referral.read')
  .input(ZListReferralsRequest)
  .query(async ({ ctx, input }) => {
    const rows = await listOutgoingReferrals(ctx.tx, ctx.actor, input);
    const ids = rows.map((r) => r.id);
    const linked = await referralsWithLinks(ctx.tx, ctx.tenantId, ids);
    const missing = await missingOutcomeDocuments(ctx.tx, ids);
    return rows.map((r) => ({
      ...r,
      oneTimeLink: linked.has(r.id),
      missingDocuments: missing.get(r.id) ?? [],
    }));
  });
