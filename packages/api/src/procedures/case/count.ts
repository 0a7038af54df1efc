import { countCases, ZCaseQuery } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** How many cases a search of `case.getMany` finds, exact up to a bound (the ledger's 共 N 条 and page numbers). */
export const count = permittedProcedure('case.read')
  .input(ZCaseQuery)
  .query(({ ctx, input }) => countCases(ctx.tx, ctx.actor, ctx.box, input));
