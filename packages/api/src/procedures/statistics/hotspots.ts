import { getHotspots, ZHotspotRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** 热点: where disputes grew fastest in a month (categories, 12345 orders, places) and the units' map. */
export const hotspots = permittedProcedure('statistics.read')
  .input(ZHotspotRequest)
  .query(({ ctx, input }) => getHotspots(ctx.tx, ctx.actor, input));
