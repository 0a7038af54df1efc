import type { KeyGroup } from './case-vocabulary.ts';

/** What a resident can send from the public site without choosing a service: the desk triages it (研判分流). */
export const ONLINE_REQUEST_KINDS = ['consultation', 'dispute', 'home-visit'] as const;
export type OnlineRequestKind = (typeof ONLINE_REQUEST_KINDS)[number];

/** What an online question is about, in the resident's words (the desk chooses the service's category). */
export const ONLINE_QUESTION_TOPICS = [
  'family',
  'labour',
  'neighbours',
  'housing',
  'debts',
  'consumer',
  'other',
] as const;
export type OnlineQuestionTopic = (typeof ONLINE_QUESTION_TOPICS)[number];

/** Who a home visit is for (the green channel): the key groups it serves. */
export const HOME_VISIT_GROUPS = ['elderly', 'disabled'] as const satisfies readonly KeyGroup[];
