import { createOrganisation, ZCreateOrganisationRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const create = permittedProcedure('organisation.manage')
  .input(ZCreateOrganisationRequest)
  .mutation(async ({ ctx, input }) => {
    const { tenantId: _, path: __, ...created } = await createOrganisation(ctx.tx, ctx.actor, input);
    return created;
  });
