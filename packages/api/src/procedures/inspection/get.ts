import { getInspection } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

export const get = permittedProcedure('inspection.read')
  .input(z.object({ id: z.uuid() }))
  .query(({ ctx, input }) => getInspection(ctx.tx, ctx.actor, input));
