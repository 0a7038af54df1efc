import { removeCaseParty, ZRemovePartyRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const removeParty = permittedProcedure('case.handle')
  .input(ZRemovePartyRequest)
  .mutation(({ ctx, input }) => removeCaseParty(ctx.tx, ctx.actor, input));
