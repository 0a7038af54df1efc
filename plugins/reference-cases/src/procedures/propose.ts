import { anyCaseProcedure, PluginRuleError } from '@linju/plugin-sdk';
import { proposeReferenceCase, ZProposal } from '../reference-case-library.ts';
import { statutesRelied } from '../statutes-relied.ts';

/**
 * Proposes a closed case of any service for the district's reference case library, as the proposer
 * edited its draft; the articles cited must be in the statute library and in force. A returned
 * proposal is proposed again the same way.
 */
export const propose = anyCaseProcedure({
  kind: 'mutation',
  permission: 'reference-cases.case.propose',
  input: ZProposal,
  async run(ctx, input) {
    if (ctx.case.status !== 'closed') {
      throw new PluginRuleError('conflict', 'reference-cases.case_not_closed');
    }
    const statutes = await statutesRelied(ctx.knowledge, input.statutes);
    return proposeReferenceCase(
      ctx.db,
      {
        sourceCaseId: ctx.case.id,
        serviceType: ctx.case.serviceType,
        category: ctx.case.categoryId,
        title: input.title,
        summary: input.summary,
        resolution: input.resolution,
        statutes,
      },
      ctx.actor.name,
    );
  },
});
