import { revealStaffPhone } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/** The unmasked number; each reading is recorded in the audit log. */
export const revealPhone = permittedProcedure('staff.manage')
  .input(z.object({ staffMemberId: z.uuid() }))
  .mutation(({ ctx, input }) => revealStaffPhone(ctx.tx, ctx.actor, ctx.box, input.staffMemberId));
