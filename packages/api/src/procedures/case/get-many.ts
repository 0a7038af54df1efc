import { findCases, ZCaseQuery } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Queues and search, cursor-paged. */
export const getMany = permittedProcedure('case.read')
  .input(ZCaseQuery)
  .query(({ ctx, input }) => findCases(ctx.tx, ctx.actor, ctx.box, input));
