import { endAdviserContract } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

export const end = permittedProcedure('adviser.manage')
  .input(z.object({ id: z.uuid(), endedOn: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const { tenantId: _, ...adviser } = await endAdviserContract(ctx.tx, ctx.actor, input);
    return adviser;
  });
