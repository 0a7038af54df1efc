import { updateStaffMember, ZUpdateStaffMemberRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Corrects a person's name, phone or home unit (`{ id, data }`). */
export const update = permittedProcedure('staff.manage')
  .input(ZUpdateStaffMemberRequest)
  .mutation(({ ctx, input }) => updateStaffMember(ctx.tx, ctx.actor, ctx.box, input));
