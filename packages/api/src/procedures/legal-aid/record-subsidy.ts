import { onPluginCase } from '@linju/core';
import { recordSubsidy as record, ZSubsidyRequest } from '@linju/plugin-legal-aid';
import { permittedProcedure } from '../../trpc.ts';
import { legalAidCase } from './legal-aid-case.ts';

/** Records a subsidy paid to the lawyer or firm for a granted case. */
export const recordSubsidy = permittedProcedure('case.manage')
  .input(ZSubsidyRequest)
  .mutation(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'legal-aid', input.caseId, 'case.manage', async (db, c) => {
      const subsidy = await record(db, legalAidCase(c, ctx.tenant.timeZone), input, ctx.actor.name);
      return {
        result: subsidy,
        timeline: {
          text: `办案补贴 ${subsidy.amount.toFixed(2)} 元：${subsidy.recipient}`,
          action: 'legal-aid.subsidy.recorded',
          data: { event: 'subsidy', subsidyId: subsidy.id, amount: subsidy.amount },
        },
      };
    }),
  );
