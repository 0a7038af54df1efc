import { caseProcedure } from '@linju/plugin-sdk';
import { setMediators as set, ZSetMediatorsRequest } from '../mediation-record.ts';
import { recordText } from '../messages.ts';

/** Names the case's mediators: one lead and up to four assistants. */
export const setMediators = caseProcedure({
  kind: 'mutation',
  permission: 'mediation.case.mediate',
  input: ZSetMediatorsRequest,
  run: async (ctx, input) => {
    const mediators = await set(ctx.db, input);
    await ctx.recordOnTimeline({
      text: recordText('mediation.timeline.mediators_set', {
        names: mediators.map((m) => m.name).join('、'),
      }),
      action: 'mediation.mediators.set',
      data: { event: 'mediators-set', mediators },
    });
    return mediators;
  },
});
