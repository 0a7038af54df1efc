import { resetPassword as reset } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

export const resetPassword = permittedProcedure('staff.manage')
  .input(z.object({ staffMemberId: z.uuid(), temporaryPassword: z.string().min(1).max(200) }))
  .mutation(async ({ ctx, input }) => {
    await reset(ctx.tx, ctx.actor, input);
    return { ok: true };
  });
