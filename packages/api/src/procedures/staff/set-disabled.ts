import { setStaffDisabled } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

export const setDisabled = permittedProcedure('staff.manage')
  .input(z.object({ staffMemberId: z.uuid(), disabled: z.boolean() }))
  .mutation(({ ctx, input }) => setStaffDisabled(ctx.tx, ctx.actor, input));
