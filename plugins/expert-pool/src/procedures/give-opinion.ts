import type { CaseProcedureContext } from '@linju/plugin-sdk';
import type { Expert } from '../experts.ts';
import { type OpinionRequest, recordOpinion } from '../opinion-requests.ts';
import { givenNote } from '../timeline-notes.ts';

/**
 * The one way an opinion is given, by the expert or on their behalf: recorded on the request,
 * put on the case's timeline (the opinion below the title, who wrote it down when not the
 * expert) and the handler who asked told.
 */
export async function giveOpinion(
  ctx: CaseProcedureContext,
  request: OpinionRequest,
  expert: Expert,
  opinion: string,
  onBehalf: boolean,
) {
  const answered = await recordOpinion(ctx.db, request, {
    opinion,
    today: await ctx.calendar.today(),
    recordedBy: ctx.actor.name,
    onBehalf,
  });
  await ctx.recordOnTimeline(givenNote(expert, answered, onBehalf ? ctx.actor.name : null));
  await ctx.notify({
    recipientIds: [request.requestedBy],
    kind: 'expert-pool.opinion.given',
    caseId: ctx.case.id,
    messageKey: 'expert-pool.notify.answered',
    params: { expert: expert.name, number: ctx.case.number },
    dedupeKey: `expert-pool.given:${request.id}`,
  });
  return answered;
}
