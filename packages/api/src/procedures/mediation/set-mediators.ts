import { onPluginCase } from '@linju/core';
import { setMediators as set, ZSetMediatorsRequest } from '@linju/plugin-mediation';
import { pluginPermittedProcedure } from '../../trpc.ts';

/** Names the case's mediators: one lead and up to four assistants. */
export const setMediators = pluginPermittedProcedure('mediation.case.mediate')
  .input(ZSetMediatorsRequest)
  .mutation(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'mediation', input.caseId, ctx.carrier, async (db) => {
      const mediators = await set(db, input);
      return {
        result: mediators,
        timeline: {
          text: `调解员：${mediators.map((m) => m.name).join('、')}`,
          action: 'mediation.mediators.set',
          data: { event: 'mediators-set', mediators },
        },
      };
    }),
  );
