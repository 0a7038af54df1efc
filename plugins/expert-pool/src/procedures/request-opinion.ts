import { anyCaseProcedure, PluginRuleError } from '@linju/plugin-sdk';
import { requestOpinions, ZRequestOpinion } from '../opinion-requests.ts';
import { requestedNote } from '../timeline-notes.ts';

/**
 * Puts a hard matter of any case to chosen experts (研判), due in working days: each request on
 * the case's timeline, and an expert with an account told in the app.
 */
export const requestOpinion = anyCaseProcedure({
  kind: 'mutation',
  permission: 'expert-pool.opinion.request',
  input: ZRequestOpinion,
  run: async (ctx, input) => {
    if (ctx.case.status === 'closed') {
      throw new PluginRuleError('conflict', 'expert-pool.case_closed', { field: 'caseId' });
    }
    const today = await ctx.calendar.today();
    const dueOn = await ctx.calendar.addWorkingDays(today, input.workingDays);
    const asked = await requestOpinions(ctx.db, input.expertIds, {
      caseId: ctx.case.id,
      caseNumber: ctx.case.number,
      field: input.field,
      question: input.question,
      today,
      dueOn,
      requestedBy: ctx.actor,
    });
    for (const { request, expert } of asked) {
      await ctx.recordOnTimeline(requestedNote(expert, request));
      if (expert.staffId) {
        await ctx.notify({
          recipientIds: [expert.staffId],
          kind: 'expert-pool.opinion.requested',
          caseId: ctx.case.id,
          messageKey: 'expert-pool.notify.requested',
          params: { number: ctx.case.number, due: dueOn },
          dedupeKey: `expert-pool.requested:${request.id}`,
        });
      }
    }
    return { requestIds: asked.map(({ request }) => request.id), dueOn };
  },
});
