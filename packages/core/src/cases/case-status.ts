import { CASE_TRANSITIONS, type CaseStatus } from '@linju/vocabulary';
import { DomainError } from '../errors.ts';

export {
  CASE_TRANSITIONS,
  type CaseStatus,
  OPEN_STATUSES,
  STATUSES_WITH_REASON,
} from '@linju/vocabulary';

export const canTransition = (from: CaseStatus, to: CaseStatus) => CASE_TRANSITIONS[from].includes(to);

/** Refuses an invalid move, naming the current status (and the wanted one) for the message. */
export function requireTransition(from: CaseStatus, to: CaseStatus): void {
  if (!canTransition(from, to)) {
    throw new DomainError('conflict', 'case.transition_invalid', { field: 'status', params: { from, to } });
  }
}
