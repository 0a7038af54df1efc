import { getDirectorDashboard, ZDirectorDashboardRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** 领导驾驶舱: today's intake, open and overdue cases, referrals waiting, satisfaction (per scope). */
export const dashboard = permittedProcedure('statistics.read')
  .input(ZDirectorDashboardRequest)
  .query(({ ctx, input }) => getDirectorDashboard(ctx.tx, ctx.actor, input));
