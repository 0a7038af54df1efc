import { districtProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { listThresholds } from '../legal-aid-records.ts';

/** The district's economic-hardship thresholds, newest first, and the district's today (which one is in force). */
export const thresholds = districtProcedure({
  kind: 'query',
  permission: 'legal-aid.threshold.view',
  input: z.object({}),
  run: async (ctx) => ({ thresholds: await listThresholds(ctx.db), today: await ctx.calendar.today() }),
});
