import { listOutgoingReferrals, referralsWithLinks, ZListReferralsRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/**
 * Outgoing referrals of the units the actor covers (and their own), newest first; `oneTimeLink`
 * marks those whose partner answers through a one-time link (a new link can be issued).
 */
export const getMany = permittedProcedure('referral.read')
  .input(ZListReferralsRequest)
  .query(async ({ ctx, input }) => {
    const rows = await listOutgoingReferrals(ctx.tx, ctx.actor, input);
    const linked = await referralsWithLinks(
      ctx.tx,
      ctx.tenantId,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({ ...r, oneTimeLink: linked.has(r.id) }));
  });
