import { getVolunteer } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

export const get = permittedProcedure('volunteer.read')
  .input(z.object({ id: z.uuid() }))
  .query(({ ctx, input }) => getVolunteer(ctx.tx, ctx.actor, input));
