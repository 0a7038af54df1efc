import { countUnreadNotifications } from '@linju/core';
import { tenantProcedure } from '../../trpc.ts';

/** The count shown beside "Notifications" in the app shell. */
export const countUnread = tenantProcedure.query(async ({ ctx }) => ({
  unread: await countUnreadNotifications(ctx.tx, ctx.actor),
}));
