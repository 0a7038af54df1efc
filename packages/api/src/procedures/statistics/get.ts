import { getStatistics, ZStatisticsRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** 统计: the dashboard's figures for a period and a scope, from the roll-ups (checked per scope). */
export const get = permittedProcedure('statistics.read')
  .input(ZStatisticsRequest)
  .query(({ ctx, input }) => getStatistics(ctx.tx, ctx.actor, input));
