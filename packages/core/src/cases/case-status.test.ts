import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { CASE_TRANSITIONS, canTransition, requireTransition } from './case-status.ts';

describe('the case state machine', () => {
  it('follows received → triaged → in progress → resolved → feedback given → closed', () => {
    const path = ['received', 'triaged', 'in-progress', 'resolved', 'feedback-given', 'closed'] as const;
    for (const [i, to] of path.slice(1).entries())
      expect(canTransition(path[i] ?? 'closed', to), to).toBe(true);
  });
  it('ends for good in closed, withdrawn and rejected', () => {
    expect(CASE_TRANSITIONS.closed).toEqual([]);
    expect(CASE_TRANSITIONS.withdrawn).toEqual([]);
    expect(CASE_TRANSITIONS.rejected).toEqual([]);
  });
  it('refuses a skipped step, naming where the case is', () => {
    expect(() => requireTransition('received', 'closed')).toThrow(DomainError);
    try {
      requireTransition('in-progress', 'feedback-given');
    } catch (error) {
      expect(error).toMatchObject({
        message: 'case.transition_invalid',
        params: { from: 'in-progress', to: 'feedback-given' },
      });
    }
  });
});
