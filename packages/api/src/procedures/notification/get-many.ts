import { listNotifications, ZNotificationListRequest } from '@linju/core';
import { tenantProcedure } from '../../trpc.ts';

/** The signed-in person's own notifications; nobody reads anyone else's. */
export const getMany = tenantProcedure
  .input(ZNotificationListRequest)
  .query(({ ctx, input }) => listNotifications(ctx.tx, ctx.actor, input));
