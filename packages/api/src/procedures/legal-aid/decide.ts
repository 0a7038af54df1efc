import { onPluginCase } from '@linju/core';
import { decide as decideApplication, ZDecideRequest } from '@linju/plugin-legal-aid';
import { pluginPermittedProcedure } from '../../trpc.ts';
import { legalAidCase } from './legal-aid-case.ts';

/** Grants or refuses legal aid; granting needs a passed check (scope, exemption or threshold). */
export const decide = pluginPermittedProcedure('legal-aid.application.decide')
  .input(ZDecideRequest)
  .mutation(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'legal-aid', input.caseId, ctx.carrier, async (db, c) => {
      const decision = await decideApplication(
        db,
        legalAidCase(c, ctx.tenant.timeZone),
        input,
        ctx.actor.name,
      );
      return {
        result: decision,
        timeline: {
          text: decision.granted ? '决定给予法律援助' : `决定不予法律援助：${decision.reason ?? ''}`,
          action: 'legal-aid.decision.made',
          data: { event: 'decision', granted: decision.granted, route: decision.route, late: decision.late },
        },
      };
    }),
  );
