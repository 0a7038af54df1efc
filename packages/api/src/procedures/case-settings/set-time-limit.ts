import { setTimeLimit as set, ZTimeLimitRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const setTimeLimit = permittedProcedure('case.settings.manage')
  .input(ZTimeLimitRequest)
  .mutation(({ ctx, input }) => set(ctx.tx, ctx.actor, input));
