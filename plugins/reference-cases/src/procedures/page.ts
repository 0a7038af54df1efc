import { anyCaseProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { personalDataIn } from '../personal-data.ts';
import { draftReferenceCase } from '../reference-case-draft.ts';
import { referenceCaseOf } from '../reference-case-library.ts';

/**
 * Everything the proposing screen under a case shows, in one call: whether the case is closed, the
 * proposal made from it (and what personal data its text still holds), and the draft made from the
 * case with the parties' names and other personal data removed.
 */
export const page = anyCaseProcedure({
  kind: 'query',
  permission: 'reference-cases.case.propose',
  input: z.object({ caseId: z.uuid() }),
  async run(ctx) {
    const names = (await ctx.case.parties()).map((party) => party.name);
    const proposal = await referenceCaseOf(ctx.db, ctx.case.id);
    const draft = draftReferenceCase(ctx.case, names);
    return {
      case: { id: ctx.case.id, number: ctx.case.number, closed: ctx.case.status === 'closed' },
      proposal: proposal && {
        id: proposal.id,
        status: proposal.status,
        title: proposal.title,
        summary: proposal.summary,
        resolution: proposal.resolution,
        statutes: proposal.statutes.map((s) => s.written).join('\n'),
        returnReason: proposal.returnReason,
      },
      // Only the proposer's own text can hold what the removal put back: names are never sent.
      personalDataLeft: proposal
        ? personalDataIn([proposal.title, proposal.summary, proposal.resolution].join('\n'), names)
        : [],
      draft: {
        title: draft.title,
        pieces: draft.summary.pieces,
        removedCount: Object.values(draft.summary.removed).reduce((sum, n) => sum + n, 0),
      },
    };
  },
});
