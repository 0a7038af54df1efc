import { caseProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { adviceOfCase } from '../appraisal-advice.ts';
import { INSTITUTION_KINDS } from '../institutions.ts';
import { APPRAISAL_TYPES } from '../intake-form.ts';

/**
 * Everything the appraisal page shows, in one call: the case, the advice given, the institutions
 * a case may be referred to, and where each referral to one stands (whoever reads the case may
 * lack `referral.read`: then only "referred" shows).
 */
export const page = caseProcedure({
  kind: 'query',
  permission: 'appraisal.case.view',
  input: z.object({ caseId: z.uuid() }),
  async run(ctx, input) {
    // One after the other: they share the request's transaction.
    const advice = await adviceOfCase(ctx.db, input.caseId);
    const institutions = await ctx.organisations.list({ kinds: INSTITUTION_KINDS });
    const referrals = await ctx.referrals.ofCase(input.caseId);
    const asked = (ctx.case.form as Record<string, unknown> | null)?.appraisalType;
    return {
      case: {
        id: ctx.case.id,
        number: ctx.case.number,
        appraisalType: APPRAISAL_TYPES.find((type) => type === asked) ?? APPRAISAL_TYPES[0],
      },
      advice,
      institutions: institutions
        .filter((institution) => !institution.closed)
        .map((institution) => ({ id: institution.id, name: institution.name })),
      referrals: Object.fromEntries(
        referrals.map((r) => [r.id, { status: r.status, outcomeText: r.outcomeText, reason: r.reason }]),
      ),
    };
  },
});
