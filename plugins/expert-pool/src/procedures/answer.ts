import { anyCaseProcedure, PluginRuleError } from '@linju/plugin-sdk';
import { expertOfAccount } from '../experts.ts';
import { requestOnCase, ZOpinion } from '../opinion-requests.ts';
import { giveOpinion } from './give-opinion.ts';

/** An expert with an account answers a request put to them, and only such a request. */
export const answer = anyCaseProcedure({
  kind: 'mutation',
  permission: 'expert-pool.opinion.answer',
  input: ZOpinion,
  run: async (ctx, input) => {
    const request = await requestOnCase(ctx.db, ctx.case.id, input.requestId);
    const expert = await expertOfAccount(ctx.db, ctx.actor.staffId);
    if (!expert || expert.id !== request.expertId) {
      throw new PluginRuleError('not-found', 'expert-pool.not_your_request', { field: 'requestId' });
    }
    const answered = await giveOpinion(ctx, request, expert, input.opinion, false);
    return { requestId: answered.id, status: answered.status };
  },
});
