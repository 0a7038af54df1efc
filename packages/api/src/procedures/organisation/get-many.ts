import { listOrganisations } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** The organisations the person may see: their grants' subtrees, and the tenant's partners. */
export const getMany = permittedProcedure('organisation.read').query(async ({ ctx }) => {
  const rows = await listOrganisations(ctx.tx, ctx.actor);
  return rows.map(({ tenantId: _, path: __, ...o }) => o);
});
