import { caseProcedure, PluginRuleError } from '@linju/plugin-sdk';
import { z } from 'zod';
import { agreementForJudicialConfirmation, markJudicialConfirmation } from '../mediation-record.ts';
import { recordText } from '../messages.ts';
import { partyNames } from './case-dispute.ts';

/**
 * "Apply for judicial confirmation" (申请司法确认): sends the agreement every party confirmed to a
 * court as a referral of kind `judicial-confirmation`, with the agreement's PDF attached. The
 * resident's consent to share with that court is needed, as for any referral.
 */
export const applyJudicialConfirmation = caseProcedure({
  kind: 'mutation',
  permission: 'mediation.judicial-confirmation.request',
  input: z.object({ caseId: z.uuid(), agreementId: z.uuid(), courtId: z.uuid() }),
  run: async (ctx, input) => {
    const parties = await partyNames(ctx.case);
    const agreement = await agreementForJudicialConfirmation(
      ctx.db,
      input.caseId,
      input.agreementId,
      parties,
    );
    const court = await ctx.organisations.get(input.courtId);
    if (court.kind !== 'court') {
      throw new PluginRuleError('bad-request', 'mediation.partner_not_a_court', { field: 'courtId' });
    }
    const { referralId } = await ctx.refer({
      caseId: input.caseId,
      toOrganisationId: court.id,
      kind: 'judicial-confirmation',
      summary: recordText('mediation.referral.summary', { parties: parties.join('与') }),
      // The court opens the agreement from the referral's attachments: no document id to read.
      details: recordText('mediation.referral.details', {
        terms: agreement.terms.map((term, i) => `${i + 1}. ${term}`).join('\n'),
      }),
      attachments: [agreement.documentId],
      partnerField: 'courtId',
    });
    await markJudicialConfirmation(ctx.db, agreement.id, referralId);
    return { id: referralId, kind: 'judicial-confirmation' as const, toOrganisationId: court.id };
  },
});
