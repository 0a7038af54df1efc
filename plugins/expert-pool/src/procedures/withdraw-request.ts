import { anyCaseProcedure } from '@linju/plugin-sdk';
import { getExpert } from '../experts.ts';
import { recordText } from '../messages.ts';
import { requestOnCase, withdrawRequest as withdraw, ZRequestOnCase } from '../opinion-requests.ts';

/** Withdraws an open request on the case (on the timeline; an expert with an account is told). */
export const withdrawRequest = anyCaseProcedure({
  kind: 'mutation',
  permission: 'expert-pool.opinion.request',
  input: ZRequestOnCase,
  run: async (ctx, input) => {
    const request = await requestOnCase(ctx.db, ctx.case.id, input.requestId);
    await withdraw(ctx.db, request);
    const expert = await getExpert(ctx.db, request.expertId);
    await ctx.recordOnTimeline({
      text: recordText('expert-pool.timeline.withdrawn', { expert: expert.name }),
      action: 'expert-pool.opinion.withdrawn',
      data: { requestId: request.id, expertId: expert.id },
    });
    if (expert.staffId) {
      await ctx.notify({
        recipientIds: [expert.staffId],
        kind: 'expert-pool.opinion.withdrawn',
        caseId: ctx.case.id,
        messageKey: 'expert-pool.notify.withdrawn',
        params: { number: ctx.case.number },
      });
    }
    return { withdrawn: true };
  },
});
