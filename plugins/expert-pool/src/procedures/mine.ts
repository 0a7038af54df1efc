import { unitsProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { isOverdue } from '../expert-load.ts';
import { expertOfAccount } from '../experts.ts';
import { requestsOfExpert } from '../opinion-requests.ts';

/** "My requests": what was put to the expert signed in (open ones first, overdue marked), and their answers. */
export const mine = unitsProcedure({
  kind: 'query',
  permission: 'expert-pool.opinion.answer',
  input: z.object({}),
  run: async (ctx) => {
    const today = await ctx.calendar.today();
    const expert = await expertOfAccount(ctx.db, ctx.actor.staffId);
    const requests = expert ? await requestsOfExpert(ctx.db, expert.id) : [];
    return {
      today,
      expert,
      open: requests.filter((r) => r.status === 'open').map((r) => ({ ...r, overdue: isOverdue(r, today) })),
      answered: requests.filter((r) => r.status === 'answered'),
    };
  },
});
