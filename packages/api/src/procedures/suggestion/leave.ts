import { claimAttempt } from '@linju/auth';
import { DomainError, leaveSuggestion, systemActor, ZLeaveSuggestionRequest } from '@linju/core';
import { withTenant } from '@linju/db';
import { z } from 'zod';
import { districtSiteProcedure } from '../../trpc.ts';

/**
 * A resident leaves a suggestion in the district's box, from the public site: anonymous, or
 * (`notifyMe`) to hear by SMS on the phone they proved in this district. A filled honeypot
 * (`website`, hidden from people) is a robot: answered as if taken, nothing kept. Each address
 * may leave only so many in a quarter hour (counted, never forgiven).
 */
export const leave = districtSiteProcedure
  .input(
    ZLeaveSuggestionRequest.extend({
      notifyMe: z.boolean().default(false),
      website: z.string().max(200).optional(),
    }),
  )
  .mutation(async ({ ctx, input: { website, notifyMe, ...input } }) => {
    if (website) return { id: null };
    if (notifyMe && !ctx.resident)
      throw new DomainError('unauthorized', 'resident.not_verified', { field: 'notifyMe' });
    if ((await claimAttempt(ctx.db, 'ip', `suggestion:ip:${ctx.ip}`)) > 0)
      throw new DomainError('throttled', 'publicOutreach.too_many');
    const actor = systemActor(ctx.district.id, 'suggestion box');
    const replyPhone = notifyMe ? (ctx.resident?.phone ?? null) : null;
    return withTenant(ctx.db, ctx.district.id, (tx) =>
      leaveSuggestion(tx, actor, ctx.box, input, replyPhone),
    );
  });
