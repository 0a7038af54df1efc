import { caseProcedure, PluginRuleError } from '@linju/plugin-sdk';
import { giveAdvice, ZGiveAdviceRequest } from '../appraisal-advice.ts';
import { INSTITUTION_KINDS } from '../institutions.ts';
import { APPRAISAL_TYPE_NAMES } from '../intake-form.ts';

/**
 * Records the advice on an appraisal consultation (injury degree, disability grade, mental state,
 * capacity). Naming an institution refers the case to it, as a referral of kind `assistance`
 * tracked until it answers; the resident's consent to share with it is needed.
 */
export const advise = caseProcedure({
  kind: 'mutation',
  permission: 'appraisal.case.answer',
  input: ZGiveAdviceRequest,
  async run(ctx, input) {
    let referralId: string | null = null;
    if (input.institutionId) {
      const institution = await ctx.organisations.get(input.institutionId);
      if (!INSTITUTION_KINDS.includes(institution.kind)) {
        throw new PluginRuleError('bad-request', 'appraisal.not_an_institution', { field: 'institutionId' });
      }
      ({ referralId } = await ctx.refer({
        caseId: input.caseId,
        toOrganisationId: institution.id,
        kind: 'assistance',
        summary: `委托${APPRAISAL_TYPE_NAMES[input.appraisalType]['zh-CN']}`,
        details: input.advice,
        // A refusal about the partner (no consent to share with it) names the advice's field.
        partnerField: 'institutionId',
      }));
    }
    const advice = await giveAdvice(ctx.db, { ...input, referralId }, ctx.actor.name);
    await ctx.recordOnTimeline({
      text: advice.advice,
      action: 'appraisal.advice.given',
      data: { event: 'appraisal-advice', appraisalType: advice.appraisalType, referralId },
    });
    return advice;
  },
});
