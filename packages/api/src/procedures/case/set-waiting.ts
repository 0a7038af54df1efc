import { setWaitingForResident, ZClockRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Waiting for the resident stops the clock; the reply starts it again. */
export const setWaiting = permittedProcedure('case.handle')
  .input(ZClockRequest)
  .mutation(({ ctx, input }) => setWaitingForResident(ctx.tx, ctx.actor, input));
