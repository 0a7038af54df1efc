import { createStaffMember, ZCreateStaffMemberRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Accounts made by an administrator always start with a forced password change. */
export const create = permittedProcedure('staff.manage')
  .input(ZCreateStaffMemberRequest.omit({ mustChangePassword: true }))
  .mutation(({ ctx, input }) =>
    createStaffMember(ctx.tx, ctx.actor, { ...input, mustChangePassword: true }, ctx.box),
  );
