import { updateCaseParty, ZUpdatePartyRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const updateParty = permittedProcedure('case.handle')
  .input(ZUpdatePartyRequest)
  .mutation(({ ctx, input }) => updateCaseParty(ctx.tx, ctx.actor, ctx.box, input));
