import { listInbox, ZInboxRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** A partner user's inbox: referrals addressed to their organisation, with the subject sent. */
export const inbox = permittedProcedure('referral.respond')
  .input(ZInboxRequest)
  .query(({ ctx, input }) => listInbox(ctx.tx, ctx.actor, ctx.box, input));
