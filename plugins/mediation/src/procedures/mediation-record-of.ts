import { type CaseProcedureContext, PluginRuleError } from '@linju/plugin-sdk';
import { getMediationRecord } from '../mediation-record.ts';
import { caseDispute } from './case-dispute.ts';

/** The mediation record of the case in hand, with its parties (none yet while it has no respondent). */
export async function mediationRecordOf(ctx: CaseProcedureContext) {
  const parties = await caseDispute(ctx.case).then(
    (found) => found.parties,
    (error: unknown) => {
      // A case without a respondent yet has no parties to show; everything else is a fault.
      if (error instanceof PluginRuleError && error.message === 'mediation.case_has_no_parties') return [];
      throw error;
    },
  );
  return { parties, ...(await getMediationRecord(ctx.db, ctx.case.id)) };
}
