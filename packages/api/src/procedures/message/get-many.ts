import { listMessages, ZMessageListRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** The district's sent messages (the "sent messages" page): masked recipients, no parameters. */
export const getMany = permittedProcedure('tenant.settings.manage')
  .input(ZMessageListRequest)
  .query(({ ctx, input }) => listMessages(ctx.tx, ctx.actor, input));
