import { ZListReferralsRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';
import { outgoingReferrals } from './outgoing-referrals.ts';

/** Outgoing referrals of the units the actor covers now (`outgoingReferrals`), for the referrals page. */
export const getMany = permittedProcedure('referral.read')
  .input(ZListReferralsRequest)
  .query(({ ctx, input }) => outgoingReferrals(ctx.tx, ctx.actor, ctx.tenantId, input));
