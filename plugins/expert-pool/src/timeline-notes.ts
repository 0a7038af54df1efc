import type { TimelineNote } from '@linju/plugin-sdk';
import type { Expert } from './experts.ts';
import { recordText } from './messages.ts';
import type { OpinionRequest } from './opinion-requests.ts';
import { EXPERT_KIND_NAMES, LAW_FIELD_NAMES } from './vocabulary.ts';

/** The case timeline's line for a request put to an expert (its title: 提请专家研判). */
export const requestedNote = (expert: Expert, request: OpinionRequest): TimelineNote => ({
  text: recordText('expert-pool.timeline.requested', {
    kind: EXPERT_KIND_NAMES[expert.kind]['zh-CN'],
    expert: expert.name,
    field: LAW_FIELD_NAMES[request.field]['zh-CN'],
    due: request.dueOn,
    question: request.question,
  }),
  action: 'expert-pool.opinion.requested',
  data: { requestId: request.id, expertId: expert.id, dueOn: request.dueOn },
});

/**
 * The line for an opinion (its title: 专家研判意见): the opinion itself, and who wrote it down
 * when it was not the expert (`recorder`, null when the expert answered in the app).
 */
export function givenNote(expert: Expert, request: OpinionRequest, recorder: string | null): TimelineNote {
  const words = {
    kind: EXPERT_KIND_NAMES[expert.kind]['zh-CN'],
    expert: expert.name,
    opinion: request.opinion ?? '',
  };
  return {
    text:
      recorder === null
        ? recordText('expert-pool.timeline.given', words)
        : recordText('expert-pool.timeline.given_on_behalf', { ...words, recorder }),
    action: 'expert-pool.opinion.given',
    data: { requestId: request.id, expertId: expert.id, onBehalf: recorder !== null },
  };
}
