import { moveOrganisation } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

export const move = permittedProcedure('organisation.manage')
  .input(z.object({ id: z.uuid(), parentId: z.uuid() }))
  .mutation(async ({ ctx, input }) => {
    const { tenantId: _, path: __, ...moved } = await moveOrganisation(ctx.tx, ctx.actor, input);
    return moved;
  });
