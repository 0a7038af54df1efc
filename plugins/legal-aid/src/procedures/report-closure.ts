import { caseProcedure } from '@linju/plugin-sdk';
import { reportClosure as report, ZClosureReportRequest } from '../legal-aid-records.ts';
import { legalAidCase } from './legal-aid-case.ts';

/** The closure report of a granted case: the lawyer, the outcome, what was recovered. */
export const reportClosure = caseProcedure({
  kind: 'mutation',
  permission: 'legal-aid.closure.report',
  input: ZClosureReportRequest,
  run: async (ctx, input) => {
    const closure = await report(ctx.db, await legalAidCase(ctx), input, ctx.actor.name);
    await ctx.recordOnTimeline({
      text: closure.summary,
      action: 'legal-aid.closure.reported',
      data: { event: 'closure', outcome: closure.outcome },
    });
    return closure;
  },
});
