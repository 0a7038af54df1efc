import { retireXService } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

export const retire = permittedProcedure('catalogue.manage')
  .input(z.object({ id: z.uuid() }))
  .mutation(async ({ ctx, input }) => {
    const { tenantId: _, ...retired } = await retireXService(ctx.tx, ctx.actor, input.id);
    return retired;
  });
