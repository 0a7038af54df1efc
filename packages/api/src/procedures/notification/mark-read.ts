import { markNotificationsRead, ZMarkReadRequest } from '@linju/core';
import { tenantProcedure } from '../../trpc.ts';

export const markRead = tenantProcedure
  .input(ZMarkReadRequest)
  .mutation(({ ctx, input }) => markNotificationsRead(ctx.tx, ctx.actor, input));
