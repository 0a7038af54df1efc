import { districtProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { questionSummary } from '../question-summary.ts';

/** The bureau's page: what residents and staff asked, by month and by matched service. */
export const questions = districtProcedure({
  kind: 'query',
  permission: 'legal-assistant.questions.view',
  input: z.object({}),
  run: async (ctx) => ({ ...(await questionSummary(ctx.db)), services: await ctx.knowledge.services() }),
});
