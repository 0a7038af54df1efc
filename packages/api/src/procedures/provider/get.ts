import { getProviderRecord } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

export const get = permittedProcedure('provider.read')
  .input(z.object({ id: z.uuid() }))
  .query(({ ctx, input }) => getProviderRecord(ctx.tx, ctx.actor, input));
