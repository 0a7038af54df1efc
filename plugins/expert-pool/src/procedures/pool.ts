import { unitsProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { availabilityOn } from '../availability.ts';
import { expertLoad } from '../expert-load.ts';
import { listExperts } from '../experts.ts';
import { allRequests } from '../opinion-requests.ts';
import { allowsAtCentre } from './bureau.ts';

/**
 * Everything the pool page shows, in one call: the experts with where they stand today; for the
 * bureau (the load permission at the centre) each one's load and, for `expert`, their answers;
 * for those who manage the pool the expert being edited (`edit`) and the accounts to link.
 */
export const pool = unitsProcedure({
  kind: 'query',
  permission: 'expert-pool.pool.view',
  input: z.object({ expert: z.string().optional(), edit: z.string().optional() }),
  run: async (ctx, input) => {
    const today = await ctx.calendar.today();
    const [mayReadLoad, mayManage] = await Promise.all([
      allowsAtCentre(ctx, 'expert-pool.load.view'),
      allowsAtCentre(ctx, 'expert-pool.expert.manage'),
    ]);
    const requests = mayReadLoad ? await allRequests(ctx.db) : [];
    const experts = (await listExperts(ctx.db)).map((expert) => {
      const own = requests.filter((r) => r.expertId === expert.id);
      return {
        ...expert,
        availableOn: availabilityOn(expert, today),
        load: mayReadLoad ? expertLoad(own, today) : null,
      };
    });
    const shown = mayReadLoad ? (experts.find((e) => e.id === input.expert) ?? null) : null;
    return {
      today,
      mayReadLoad,
      mayManage,
      experts,
      answersOf: shown
        ? {
            expert: shown,
            answers: requests.filter((r) => r.expertId === shown.id && r.status === 'answered').reverse(),
          }
        : null,
      editing: mayManage ? (experts.find((e) => e.id === input.edit) ?? null) : null,
      accounts: mayManage ? await ctx.staff.list() : [],
    };
  },
});
