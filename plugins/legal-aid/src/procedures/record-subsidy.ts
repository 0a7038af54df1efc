import { caseProcedure } from '@linju/plugin-sdk';
import { recordSubsidy as record, ZSubsidyRequest } from '../legal-aid-records.ts';
import { legalAidCase } from './legal-aid-case.ts';

/** Records a subsidy paid to the lawyer or firm for a granted case. */
export const recordSubsidy = caseProcedure({
  kind: 'mutation',
  permission: 'legal-aid.subsidy.record',
  input: ZSubsidyRequest,
  run: async (ctx, input) => {
    const subsidy = await record(ctx.db, await legalAidCase(ctx), input, ctx.actor.name);
    await ctx.recordOnTimeline({
      text: `办案补贴 ${subsidy.amount.toFixed(2)} 元：${subsidy.recipient}`,
      action: 'legal-aid.subsidy.recorded',
      data: { event: 'subsidy', subsidyId: subsidy.id, amount: subsidy.amount },
    });
    return subsidy;
  },
});
