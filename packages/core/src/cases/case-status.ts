import type { schema } from '@linju/db';
import { DomainError } from '../errors.ts';

export type CaseStatus = schema.CaseStatus;

/**
 * The status state machine: received → triaged → in-progress → resolved → feedback-given →
 * closed; withdrawn (by the resident) and rejected (not ours to take) end a case early, with a
 * reason. Nothing leaves closed, withdrawn or rejected.
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  received: ['triaged', 'in-progress', 'withdrawn', 'rejected'],
  triaged: ['in-progress', 'withdrawn', 'rejected'],
  'in-progress': ['resolved', 'withdrawn'],
  resolved: ['feedback-given', 'in-progress'],
  'feedback-given': ['closed'],
  closed: [],
  withdrawn: [],
  rejected: [],
};

/** Statuses in which the case is still being worked and its clock matters. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['received', 'triaged', 'in-progress'];
/** Statuses that need a reason. */
export const STATUSES_WITH_REASON: readonly CaseStatus[] = ['withdrawn', 'rejected'];

export const canTransition = (from: CaseStatus, to: CaseStatus) => CASE_TRANSITIONS[from].includes(to);

/** Refuses an invalid move, naming the current status (and the wanted one) for the message. */
export function requireTransition(from: CaseStatus, to: CaseStatus): void {
  if (!canTransition(from, to)) {
    throw new DomainError('conflict', 'case.transition_invalid', { field: 'status', params: { from, to } });
  }
}
