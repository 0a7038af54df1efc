import { createCommunity as create, ZCommunityRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Lists a community or village, with its coordinates, that the service circle must cover. */
export const createCommunity = permittedProcedure('tenant.settings.manage')
  .input(ZCommunityRequest)
  .mutation(({ ctx, input }) => create(ctx.tx, ctx.actor, input));
