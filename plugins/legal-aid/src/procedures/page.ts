import { caseProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { getLegalAidRecord } from '../legal-aid-records.ts';
import { applicationOf } from './legal-aid-case.ts';

/** Who a legal-aid case goes to first (指派): lawyers and legal-aid officers. */
const LAWYER_ROLES: readonly string[] = ['lawyer', 'legal-aid-officer'];

/**
 * Everything the legal-aid page of a case shows, in one call: the case and who handles it, the
 * application as typed, its record — `null` for a case taken in before the application form was
 * filled, which the page says — and whom it can be assigned to (`null` for a person who may not
 * assign it here: no form), lawyers and legal-aid officers of the unit first; and the statute
 * citations of the decision's reason, each checked.
 */
export const page = caseProcedure({
  kind: 'query',
  permission: 'legal-aid.application.view',
  input: z.object({ caseId: z.uuid() }),
  run: async (ctx) => {
    const application = await applicationOf(ctx);
    const people = await ctx.assignment.candidates();
    const lawyers = people?.filter((p) => p.roles.some((role) => LAWYER_ROLES.includes(role)));
    const record = application ? await getLegalAidRecord(ctx.db, application) : null;
    const reason = record?.decision?.reason;
    return {
      case: { id: ctx.case.id, number: ctx.case.number },
      assignee: await ctx.assignment.current(),
      application: (ctx.case.form ?? {}) as Record<string, unknown>,
      record,
      reasonCitations: reason ? await ctx.knowledge.statutes.checkCitations(reason) : [],
      assignees: people && (lawyers?.length ? lawyers : people),
      today: await ctx.calendar.today(),
    };
  },
});
