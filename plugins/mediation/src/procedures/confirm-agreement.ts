import { caseProcedure } from '@linju/plugin-sdk';
import { confirmAgreement as confirm, ZConfirmAgreementRequest } from '../mediation-record.ts';
import { recordText } from '../messages.ts';
import { partyNames } from './case-dispute.ts';

/** Records that a party confirmed (signed) the agreement; says when every party has. */
export const confirmAgreement = caseProcedure({
  kind: 'mutation',
  permission: 'mediation.agreement.create',
  input: ZConfirmAgreementRequest,
  run: async (ctx, input) => {
    const confirmed = await confirm(ctx.db, input, await partyNames(ctx.case), ctx.actor.name);
    await ctx.recordOnTimeline({
      text: recordText(
        confirmed.confirmedByAll ? 'mediation.timeline.confirmed_by_all' : 'mediation.timeline.confirmed',
        { party: input.partyName },
      ),
      action: 'mediation.agreement.confirmed',
      data: { event: 'agreement-confirmed', partyName: input.partyName, method: input.method },
    });
    return confirmed;
  },
});
