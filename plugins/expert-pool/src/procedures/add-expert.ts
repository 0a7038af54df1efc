import { districtProcedure } from '@linju/plugin-sdk';
import { addExpert as add, SAMPLE_EXPERT, ZAddExpertRequest } from '../experts.ts';
import { knownAccount } from './known-account.ts';

/** Adds an expert to the district's pool (audited). */
export const addExpert = districtProcedure({
  kind: 'mutation',
  permission: 'expert-pool.expert.manage',
  input: ZAddExpertRequest,
  // The walks run it in the walker's own district: a valid expert, added there.
  sampleInput: () => SAMPLE_EXPERT,
  run: async (ctx, input) => {
    await knownAccount(ctx, input.staffId);
    return add(ctx.db, input, await ctx.calendar.today());
  },
});
