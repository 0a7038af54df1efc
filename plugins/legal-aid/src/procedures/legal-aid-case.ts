import { type CaseProcedureContext, PluginRuleError } from '@linju/plugin-sdk';
import { legalAidIntakeForm } from '../intake-form.ts';
import type { LegalAidCase } from '../legal-aid-records.ts';

/**
 * The case in hand as the rules need it: its application form and its dates in the district's
 * calendar; `null` for a case taken in before its application form was filled.
 */
export async function applicationOf(ctx: CaseProcedureContext): Promise<LegalAidCase | null> {
  const intake = legalAidIntakeForm.safeParse(ctx.case.form);
  if (!intake.success) return null;
  return {
    caseId: ctx.case.id,
    receivedOn: await ctx.calendar.dateOf(ctx.case.createdAt),
    today: await ctx.calendar.today(),
    intake: intake.data,
  };
}

/** The case in hand as the rules need it; refused for a case without its application form. */
export async function legalAidCase(ctx: CaseProcedureContext): Promise<LegalAidCase> {
  const application = await applicationOf(ctx);
  if (!application) {
    throw new PluginRuleError('bad-request', 'legal-aid.case_has_no_application', { field: 'caseId' });
  }
  return application;
}
