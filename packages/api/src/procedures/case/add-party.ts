import { addCaseParty, ZAddPartyRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const addParty = permittedProcedure('case.handle')
  .input(ZAddPartyRequest)
  .mutation(({ ctx, input }) => addCaseParty(ctx.tx, ctx.actor, ctx.box, input));
