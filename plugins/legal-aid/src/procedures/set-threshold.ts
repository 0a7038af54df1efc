import { districtProcedure } from '@linju/plugin-sdk';
import { setThreshold as set, ZSetThresholdRequest } from '../legal-aid-records.ts';

/** Sets the district's threshold (monthly income per household member) from a day on. */
export const setThreshold = districtProcedure({
  kind: 'mutation',
  permission: 'legal-aid.threshold.set',
  input: ZSetThresholdRequest,
  // The walks run it in the caller's own district: a threshold that district could really set.
  sampleInput: () => ({ effectiveFrom: '2026-01-01', monthlyPerCapitaIncome: 2690, basis: '乙区标准' }),
  run: (ctx, input) => set(ctx.db, input, ctx.actor.name),
});
