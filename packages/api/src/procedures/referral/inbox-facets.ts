import { inboxFacets as facetsOf, ZInboxFilters } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/**
 * The inbox's tabs and filters: how many referrals 待处理, 已答复 and 全部 hold under the filters,
 * and the district's units that asked, to filter by.
 */
export const inboxFacets = permittedProcedure('referral.respond')
  .input(ZInboxFilters)
  .query(({ ctx, input }) => facetsOf(ctx.tx, ctx.actor, input));
