import { describe, expect, it } from 'vitest';
import {
  isTerminalReferralState,
  nextReferralState,
  type ReferralActor,
  type ReferralEvent,
  type ReferralEventType,
  type ReferralState,
  referralStates,
  referralTransitions,
} from './referral-states.ts';

const receiver: ReferralActor = { party: 'receiver', name: '王法官', role: '法官' };
const sender: ReferralActor = { party: 'sender', name: '李调解员', role: '调解员' };

/** A well-formed event of each type, from the side the spec says sends it. */
const event: Record<ReferralEventType, ReferralEvent> = {
  received: { type: 'received', by: receiver },
  accepted: { type: 'accepted', by: receiver },
  rejected: { type: 'rejected', by: receiver, reason: '不属于本院管辖' },
  'in-progress': { type: 'in-progress', by: receiver },
  completed: { type: 'completed', by: receiver, outcome: { code: 'confirmed', text: '调解协议已司法确认' } },
  failed: { type: 'failed', by: receiver, reason: '当事人撤回申请' },
  cancelled: { type: 'cancelled', by: sender, reason: '当事人已自行和解' },
};

describe('referral states (spec/referral-exchange.md, States)', () => {
  describe('the valid transitions, exactly as drawn', () => {
    it.each<[ReferralState, ReferralEventType]>([
      ['requested', 'received'],
      ['received', 'accepted'],
      ['received', 'rejected'],
      ['accepted', 'in-progress'],
      ['accepted', 'failed'],
      ['in-progress', 'completed'],
      ['in-progress', 'failed'],
      ['requested', 'cancelled'],
      ['received', 'cancelled'],
      ['accepted', 'cancelled'],
      ['in-progress', 'cancelled'],
    ])('%s → %s', (from, to) => {
      expect(nextReferralState(from, event[to])).toEqual({ ok: true, state: to });
    });

    it('has no others', () => {
      const drawn = Object.entries(referralTransitions).flatMap(([from, tos]) =>
        tos.map((to) => `${from}→${to}`),
      );
      expect(drawn).toHaveLength(11);
    });
  });

  describe('every other move is refused, naming the current state', () => {
    const valid = new Set(
      Object.entries(referralTransitions).flatMap(([from, tos]) => tos.map((to) => `${from}→${to}`)),
    );
    const invalid = referralStates.flatMap((from) =>
      (Object.keys(event) as ReferralEventType[])
        .filter((to) => !valid.has(`${from}→${to}`))
        .map((to) => [from, to] as const),
    );

    it('the table of invalid moves covers the rest of states × events', () => {
      expect(invalid).toHaveLength(referralStates.length * 7 - 11);
    });

    it.each(invalid)('%s → %s', (from, to) => {
      const result = nextReferralState(from, event[to]);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-transition', currentState: from } });
      expect(!result.ok && result.error.message).toMatch(
        new RegExp(`^Referral is ${from}: cannot move to ${to}`),
      );
    });

    it('lists what is allowed from here', () => {
      const result = nextReferralState('accepted', event.completed);
      expect(!result.ok && result.error.message).toBe(
        'Referral is accepted: cannot move to completed (allowed: in-progress, failed, cancelled)',
      );
    });

    it('says when the state is final', () => {
      const result = nextReferralState('completed', event.cancelled);
      expect(!result.ok && result.error.message).toBe(
        'Referral is completed: cannot move to cancelled (it is final)',
      );
    });

    it('refuses an unknown event type arriving as JSON', () => {
      const bogus = { type: 'archived', by: receiver } as unknown as ReferralEvent;
      expect(nextReferralState('received', bogus)).toMatchObject({
        ok: false,
        error: { code: 'invalid-transition' },
      });
    });
  });

  describe('who may send what', () => {
    it('only the sender cancels', () => {
      expect(nextReferralState('accepted', { ...event.cancelled, by: receiver })).toMatchObject({
        ok: false,
        error: {
          code: 'wrong-party',
          currentState: 'accepted',
          message: 'Referral is accepted: only the sender may report cancelled',
        },
      });
    });

    it.each<ReferralEventType>(['received', 'accepted', 'rejected', 'in-progress', 'completed', 'failed'])(
      'only the receiver reports %s',
      (type) => {
        const from = (Object.keys(referralTransitions) as ReferralState[]).find((s) =>
          referralTransitions[s].includes(type),
        ) as ReferralState;
        expect(nextReferralState(from, { ...event[type], by: sender })).toMatchObject({
          ok: false,
          error: { code: 'wrong-party', currentState: from },
        });
      },
    );
  });

  describe('required details', () => {
    it.each<[ReferralState, 'rejected' | 'failed' | 'cancelled']>([
      ['received', 'rejected'],
      ['in-progress', 'failed'],
      ['requested', 'cancelled'],
    ])('from %s, %s needs a reason', (from, type) => {
      for (const reason of [undefined, '', '   ']) {
        expect(nextReferralState(from, { ...event[type], reason })).toMatchObject({
          ok: false,
          error: {
            code: 'reason-required',
            currentState: from,
            message: `Referral is ${from}: ${type} needs a reason`,
          },
        });
      }
    });

    it('completed needs an outcome with a code and a text', () => {
      for (const outcome of [undefined, { code: 'confirmed', text: '' }, { code: '', text: '已确认' }]) {
        expect(nextReferralState('in-progress', { ...event.completed, outcome })).toMatchObject({
          ok: false,
          error: { code: 'outcome-required', currentState: 'in-progress' },
        });
      }
    });
  });

  it('completed, failed, rejected and cancelled are terminal; the rest are not', () => {
    expect(referralStates.filter(isTerminalReferralState)).toEqual([
      'rejected',
      'completed',
      'failed',
      'cancelled',
    ]);
  });
});
