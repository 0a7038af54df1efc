import { withdrawConsent, ZWithdrawConsentRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const withdraw = permittedProcedure('case.handle')
  .input(ZWithdrawConsentRequest)
  .mutation(({ ctx, input }) => withdrawConsent(ctx.tx, ctx.actor, input));
