import { listAdvisers } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const getMany = permittedProcedure('organisation.read').query(async ({ ctx }) =>
  (await listAdvisers(ctx.tx, ctx.actor)).map(({ tenantId: _, ...adviser }) => adviser),
);
