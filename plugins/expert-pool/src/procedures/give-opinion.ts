import type { CaseProcedureContext } from '@linju/plugin-sdk';
import type { Expert } from '../experts.ts';
import { recordText } from '../messages.ts';
import { type OpinionRequest, recordOpinion } from '../opinion-requests.ts';
import { EXPERT_KIND_NAMES } from '../vocabulary.ts';

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
  const words = { kind: EXPERT_KIND_NAMES[expert.kind]['zh-CN'], expert: expert.name, opinion };
  await ctx.recordOnTimeline({
    text: onBehalf
      ? recordText('expert-pool.timeline.given_on_behalf', { ...words, recorder: ctx.actor.name })
      : recordText('expert-pool.timeline.given', words),
    action: 'expert-pool.opinion.given',
    data: { requestId: request.id, expertId: expert.id, onBehalf },
  });
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
