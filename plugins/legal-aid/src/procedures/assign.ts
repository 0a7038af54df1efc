import { caseProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';

/**
 * Assigns the lawyer or legal-aid officer (指派): the platform's case assignment, with its
 * conflict-of-interest and negative-list checks, from the legal-aid page.
 */
export const assign = caseProcedure({
  kind: 'mutation',
  permission: 'legal-aid.lawyer.assign',
  input: z.object({
    caseId: z.uuid(),
    assigneeId: z.string().min(1, 'validation.required').pipe(z.uuid()),
    conflictReason: z.string().nullish(),
    negativeListReason: z.string().nullish(),
  }),
  run: async (ctx, input) => {
    await ctx.assignment.assign(input);
    return { assigneeId: input.assigneeId };
  },
});
