import { logVolunteerHours, removeVolunteerHours, ZLogHoursRequest } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/** Hours for a duty slot (once a day) or for a case. */
export const logHours = permittedProcedure('volunteer.manage')
  .input(ZLogHoursRequest)
  .mutation(({ ctx, input }) => logVolunteerHours(ctx.tx, ctx.actor, input));

export const removeHours = permittedProcedure('volunteer.manage')
  .input(z.object({ id: z.uuid() }))
  .mutation(({ ctx, input }) => removeVolunteerHours(ctx.tx, ctx.actor, input));
