import { referralForSender, reissuePartnerLink } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/**
 * A new one-time link for a referral to a partner without accounts (the first one lost, or
 * expired): the earlier link stops working. The link is in this answer only.
 */
export const issuePartnerLink = permittedProcedure('referral.send')
  .input(z.object({ referralId: z.uuid() }))
  .mutation(async ({ ctx, input }) => {
    const { referral } = await referralForSender(ctx.tx, ctx.actor, input.referralId);
    return reissuePartnerLink(ctx.tx, ctx.actor, ctx.box, referral);
  });
