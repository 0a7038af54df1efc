import { setThemedDay as set, ZThemedDayRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const setThemedDay = permittedProcedure('organisation.manage')
  .input(ZThemedDayRequest)
  .mutation(({ ctx, input }) => set(ctx.tx, ctx.actor, input));
