import { claimAttempt } from '@linju/auth';
import { DomainError, leaveSuggestion, systemActor, ZLeaveSuggestionRequest } from '@linju/core';
import { withTenant } from '@linju/db';
import { z } from 'zod';
import { districtSiteProcedure } from '../../trpc.ts';

/**
 * A resident leaves a suggestion in the district's box, from the public site. A filled honeypot
 * (`website`, hidden from people) is a robot: answered as if taken, nothing kept. Each address
 * may leave only so many in a quarter hour (counted, never forgiven).
 */
export const leave = districtSiteProcedure
  .input(ZLeaveSuggestionRequest.extend({ website: z.string().max(200).optional() }))
  .mutation(async ({ ctx, input: { website, ...input } }) => {
    if (website) return { id: null };
    if ((await claimAttempt(ctx.db, 'ip', `suggestion:ip:${ctx.ip}`)) > 0)
      throw new DomainError('throttled', 'publicOutreach.too_many');
    const actor = systemActor(ctx.district.id, 'suggestion box');
    return withTenant(ctx.db, ctx.district.id, (tx) => leaveSuggestion(tx, actor, ctx.box, input, null));
  });
