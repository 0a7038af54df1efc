import { listStaffMembers } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** People of the units the caller may oversee, with masked phone numbers. */
export const getMany = permittedProcedure('staff.read').query(({ ctx }) =>
  listStaffMembers(ctx.tx, ctx.actor, ctx.box),
);
