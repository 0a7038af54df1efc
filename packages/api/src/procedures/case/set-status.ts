import { changeCaseStatus, ZStatusRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const setStatus = permittedProcedure('case.handle')
  .input(ZStatusRequest)
  .mutation(({ ctx, input }) => changeCaseStatus(ctx.tx, ctx.actor, input, ctx.box));
