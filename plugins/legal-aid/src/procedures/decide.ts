import { caseProcedure } from '@linju/plugin-sdk';
import { decide as decideApplication, ZDecideRequest } from '../legal-aid-records.ts';
import { legalAidCase } from './legal-aid-case.ts';

/** Grants or refuses legal aid; granting needs a passed check (scope, exemption or threshold). */
export const decide = caseProcedure({
  kind: 'mutation',
  permission: 'legal-aid.application.decide',
  input: ZDecideRequest,
  run: async (ctx, input) => {
    const decision = await decideApplication(ctx.db, await legalAidCase(ctx), input, ctx.actor.name);
    await ctx.recordOnTimeline({
      text: decision.granted ? '决定给予法律援助' : `决定不予法律援助：${decision.reason ?? ''}`,
      action: 'legal-aid.decision.made',
      data: { event: 'decision', granted: decision.granted, route: decision.route, late: decision.late },
    });
    return decision;
  },
});
