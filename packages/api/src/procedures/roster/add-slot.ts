import { addDutySlot, ZAddDutySlotRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const addSlot = permittedProcedure('organisation.manage')
  .input(ZAddDutySlotRequest)
  .mutation(({ ctx, input }) => addDutySlot(ctx.tx, ctx.actor, input));
