import { caseProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { recordText } from '../messages.ts';

/** Where a failed mediation goes on, how the cases are linked, and the name of the next service. */
const NEXT = {
  consultation: { linkKind: 'lawyer-after-mediation', name: 'mediation.page.next_consultation' },
  'legal-aid': { linkKind: 'legal-aid', name: 'mediation.page.next_legal_aid' },
} as const;

/**
 * A mediation that failed goes on (链条式): a new case for lawyer consultation or legal aid, for
 * the same resident at the same unit, linked to this one so the chain shows from either end.
 */
export const fail = caseProcedure({
  kind: 'mutation',
  permission: 'mediation.case.close',
  input: z.object({
    caseId: z.uuid(),
    reason: z.string().trim().min(2).max(2000),
    next: z.enum(['consultation', 'legal-aid']),
  }),
  run: (ctx, input) => {
    const next = NEXT[input.next];
    return ctx.openLinkedCase({
      fromCaseId: ctx.case.id,
      serviceType: input.next,
      description: recordText('mediation.failed_case_description', {
        service: recordText(next.name),
        number: ctx.case.number,
        reason: input.reason,
      }),
      linkKind: next.linkKind,
      note: input.reason,
    });
  },
});
