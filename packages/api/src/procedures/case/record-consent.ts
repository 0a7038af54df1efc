import { recordPartnerConsent, ZRecordConsentRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Records the resident's consent that this case's data go to a partner (needed to refer). */
export const recordConsent = permittedProcedure('referral.send')
  .input(ZRecordConsentRequest)
  .mutation(({ ctx, input }) => recordPartnerConsent(ctx.tx, ctx.actor, input));
