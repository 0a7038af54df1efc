import { listInspections, ZListInspectionsRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/**
 * Inspections of the units the caller may read, by service point and quarter, newest first, a page
 * at a time (`cursor` = the previous page's `nextCursor`).
 */
export const getMany = permittedProcedure('inspection.read')
  .input(ZListInspectionsRequest)
  .query(({ ctx, input }) => listInspections(ctx.tx, ctx.actor, input));
