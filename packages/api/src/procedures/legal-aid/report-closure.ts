import { onPluginCase } from '@linju/core';
import { reportClosure as report, ZClosureReportRequest } from '@linju/plugin-legal-aid';
import { permittedProcedure } from '../../trpc.ts';
import { legalAidCase } from './legal-aid-case.ts';

/** The closure report of a granted case: the lawyer, the outcome, what was recovered. */
export const reportClosure = permittedProcedure('case.handle')
  .input(ZClosureReportRequest)
  .mutation(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'legal-aid', input.caseId, 'case.handle', async (db, c) => {
      const closure = await report(db, legalAidCase(c, ctx.tenant.timeZone), input, ctx.actor.name);
      return {
        result: closure,
        timeline: {
          text: closure.summary,
          action: 'legal-aid.closure.reported',
          data: { event: 'closure', outcome: closure.outcome },
        },
      };
    }),
  );
