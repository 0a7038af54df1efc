import { recordSatisfaction as record, ZSatisfactionRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const recordSatisfaction = permittedProcedure('case.handle')
  .input(ZSatisfactionRequest)
  .mutation(({ ctx, input }) => record(ctx.tx, ctx.actor, input));
