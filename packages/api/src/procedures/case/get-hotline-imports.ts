import { listHotlineImports } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** One's latest imports with their progress, newest first. */
export const getHotlineImports = permittedProcedure('case.manage').query(({ ctx }) =>
  listHotlineImports(ctx.tx, ctx.actor),
);
