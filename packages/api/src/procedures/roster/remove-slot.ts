import { removeDutySlot } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

export const removeSlot = permittedProcedure('organisation.manage')
  .input(z.object({ id: z.uuid() }))
  .mutation(({ ctx, input }) => removeDutySlot(ctx.tx, ctx.actor, input));
