import { listOutgoingReferrals, ZListReferralsRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Outgoing referrals of the units the actor covers (and their own), newest first. */
export const getMany = permittedProcedure('referral.read')
  .input(ZListReferralsRequest)
  .query(({ ctx, input }) => listOutgoingReferrals(ctx.tx, ctx.actor, input));
