import { updateOrganisation, ZOrganisationDetails } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/** Rename a unit or change its details (address, hours, phone, coordinates). */
export const update = permittedProcedure('organisation.read')
  .input(z.object({ id: z.uuid(), data: ZOrganisationDetails.partial() }))
  .mutation(async ({ ctx, input }) => {
    const {
      tenantId: _,
      path: __,
      ...updated
    } = await updateOrganisation(ctx.tx, ctx.actor, input.id, input.data);
    return updated;
  });
