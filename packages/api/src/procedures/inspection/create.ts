import { recordInspection, ZRecordInspectionRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** 检查组评议: records an inspection of a service point (checked on the unit). */
export const create = permittedProcedure('inspection.record')
  .input(ZRecordInspectionRequest)
  .mutation(({ ctx, input }) => recordInspection(ctx.tx, ctx.actor, input));
