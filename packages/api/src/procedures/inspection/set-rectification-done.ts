import { setRectificationDone as markRectification, ZSetRectificationDoneRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const setRectificationDone = permittedProcedure('inspection.record')
  .input(ZSetRectificationDoneRequest)
  .mutation(({ ctx, input }) => markRectification(ctx.tx, ctx.actor, input));
