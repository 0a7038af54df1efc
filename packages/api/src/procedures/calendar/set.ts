import { setCalendarDay, ZCalendarDayRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const set = permittedProcedure('case.settings.manage')
  .input(ZCalendarDayRequest)
  .mutation(({ ctx, input }) => setCalendarDay(ctx.tx, ctx.actor, input));
