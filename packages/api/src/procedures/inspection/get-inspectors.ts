import { listInspectors } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Who may be named on an inspection team. */
export const getInspectors = permittedProcedure('inspection.record').query(({ ctx }) =>
  listInspectors(ctx.tx, ctx.actor),
);
