import { removeCalendarDay } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

export const remove = permittedProcedure('case.settings.manage')
  .input(z.object({ day: z.iso.date() }))
  .mutation(({ ctx, input }) => removeCalendarDay(ctx.tx, ctx.actor, input));
