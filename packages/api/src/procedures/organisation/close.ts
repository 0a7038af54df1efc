import { closeOrganisation } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

export const close = permittedProcedure('organisation.manage')
  .input(z.object({ id: z.uuid() }))
  .mutation(async ({ ctx, input }) => {
    const closed = await closeOrganisation(ctx.tx, ctx.actor, input.id);
    return { id: input.id, closedAt: closed?.closedAt ?? null };
  });
