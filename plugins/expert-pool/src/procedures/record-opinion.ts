import { anyCaseProcedure, PluginRuleError } from '@linju/plugin-sdk';
import { getExpert } from '../experts.ts';
import { requestOnCase, ZOpinion } from '../opinion-requests.ts';
import { giveOpinion } from './give-opinion.ts';

/**
 * Bureau staff record the opinion of an expert without an account, as given to them (the
 * timeline says so); an expert with an account answers in the app themselves.
 */
export const recordOpinion = anyCaseProcedure({
  kind: 'mutation',
  permission: 'expert-pool.opinion.record',
  input: ZOpinion,
  run: async (ctx, input) => {
    const request = await requestOnCase(ctx.db, ctx.case.id, input.requestId);
    const expert = await getExpert(ctx.db, request.expertId);
    if (expert.staffId) {
      throw new PluginRuleError('conflict', 'expert-pool.answers_in_app', { field: 'requestId' });
    }
    const answered = await giveOpinion(ctx, request, expert, input.opinion, true);
    return { requestId: answered.id, status: answered.status };
  },
});
