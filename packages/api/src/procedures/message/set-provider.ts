import { setMessageProvider, ZSetMessageProviderRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Sets or replaces a channel's adapter and its sealed credentials (the bureau's administrator). */
export const setProvider = permittedProcedure('tenant.settings.manage')
  .input(ZSetMessageProviderRequest)
  .mutation(({ ctx, input }) => setMessageProvider(ctx.tx, ctx.actor, ctx.box, input));
