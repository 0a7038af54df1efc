import { districtProcedure } from '@linju/plugin-sdk';
import { SAMPLE_EXPERT, updateExpert as update, ZUpdateExpertRequest } from '../experts.ts';
import { knownAccount } from './known-account.ts';

/** Changes an expert's particulars, availability or account (audited with before and after). */
export const updateExpert = districtProcedure({
  kind: 'mutation',
  permission: 'expert-pool.expert.manage',
  input: ZUpdateExpertRequest,
  // The walks run it in the walker's own district: an expert that is not there is not found.
  sampleInput: () => ({ id: '00000000-0000-4000-8000-000000000000', ...SAMPLE_EXPERT }),
  run: async (ctx, input) => {
    const { id, ...details } = input;
    await knownAccount(ctx, details.staffId);
    return update(ctx.db, id, details, await ctx.calendar.today());
  },
});
