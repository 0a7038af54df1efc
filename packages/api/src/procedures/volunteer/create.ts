import { registerVolunteer, ZRegisterVolunteerRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const create = permittedProcedure('volunteer.manage')
  .input(ZRegisterVolunteerRequest)
  .mutation(({ ctx, input }) => registerVolunteer(ctx.tx, ctx.actor, ctx.box, input));
