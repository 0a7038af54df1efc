import { anyCaseProcedure, PluginRuleError } from '@linju/plugin-sdk';
import { z } from 'zod';
import { personalDataIn } from '../personal-data.ts';
import { decideReferenceCase, referenceCase } from '../reference-case-library.ts';

/**
 * An expert or the bureau approves a proposal into the library, or returns it with a reason. The
 * text is scanned again before approval (the proposer's edits may have put a name or a number
 * back), with the source case's parties' names: anything found refuses it.
 */
export const decide = anyCaseProcedure({
  kind: 'mutation',
  permission: 'reference-cases.case.approve',
  input: z.object({
    caseId: z.uuid(),
    referenceCaseId: z.uuid(),
    decision: z.enum(['approve', 'return']),
    reason: z.string().trim().max(1000).optional(),
  }),
  async run(ctx, input) {
    const proposal = await referenceCase(ctx.db, input.referenceCaseId);
    if (proposal.sourceCaseId !== ctx.case.id) {
      throw new PluginRuleError('not-found', 'reference-cases.not_found', { field: 'referenceCaseId' });
    }
    if (input.decision === 'return') {
      if (!input.reason) {
        throw new PluginRuleError('bad-request', 'reference-cases.reason_required', { field: 'reason' });
      }
      return decideReferenceCase(
        ctx.db,
        { id: proposal.id, approve: false, reason: input.reason },
        ctx.actor.name,
      );
    }
    const names = (await ctx.case.parties()).map((party) => party.name);
    const text = [proposal.title, proposal.summary, proposal.resolution].join('\n');
    if (personalDataIn(text, names).length > 0) {
      throw new PluginRuleError('bad-request', 'reference-cases.personal_data_left', {
        field: 'referenceCaseId',
      });
    }
    return decideReferenceCase(ctx.db, { id: proposal.id, approve: true }, ctx.actor.name);
  },
});
