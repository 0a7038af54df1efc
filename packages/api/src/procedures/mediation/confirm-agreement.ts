import { onPluginCase } from '@linju/core';
import { confirmAgreement as confirm, ZConfirmAgreementRequest } from '@linju/plugin-mediation';
import { pluginPermittedProcedure } from '../../trpc.ts';
import { partiesOf } from './case-parties.ts';

/** Records that a party confirmed (signed) the agreement; says when every party has. */
export const confirmAgreement = pluginPermittedProcedure('mediation.agreement.create')
  .input(ZConfirmAgreementRequest)
  .mutation(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'mediation', input.caseId, ctx.carrier, async (db, c) => {
      const parties = (await partiesOf(ctx.tx, ctx.actor, c)).parties.map((p) => p.name);
      const confirmed = await confirm(db, input, parties, ctx.actor.name);
      return {
        result: confirmed,
        timeline: {
          text: `${input.partyName}确认调解协议${confirmed.confirmedByAll ? '（各方均已确认）' : ''}`,
          action: 'mediation.agreement.confirmed',
          data: { event: 'agreement-confirmed', partyName: input.partyName, method: input.method },
        },
      };
    }),
  );
