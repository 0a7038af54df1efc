import { districtProcedure } from '@linju/plugin-sdk';
import { setThreshold as set, ZSetThresholdRequest } from '../legal-aid-records.ts';

/** Sets the district's threshold (monthly income per household member) from a day on. */
export const setThreshold = districtProcedure({
  kind: 'mutation',
  permission: 'legal-aid.threshold.set',
  input: ZSetThresholdRequest,
  run: (ctx, input) => set(ctx.db, input, ctx.actor.name),
});
