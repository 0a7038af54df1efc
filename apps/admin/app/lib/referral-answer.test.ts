import { describe, expect, it } from 'vitest';
import { outcomesFor, readReferralAnswer } from './referral-answer.ts';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe('a partner’s answer', () => {
  it('offers a court its ruling to choose, and other partners how far the matter was resolved', () => {
    expect(outcomesFor('judicial-confirmation', 'completed')).toEqual(['confirmed', 'not-confirmed']);
    expect(outcomesFor('judicial-confirmation', 'failed')).toEqual(['not-confirmed']);
    expect(outcomesFor('assistance', 'completed')).toEqual(['resolved', 'partly-resolved', 'not-resolved']);
  });

  it('sends a confirmation as a completion whose text is the ruling’s number', () => {
    const { local, answer } = readReferralAnswer(
      form({
        kind: 'judicial-confirmation',
        outcomeCode: 'confirmed',
        rulingNumber: '（2026）沪0104民特123号',
      }),
      'completed',
    );
    expect(local).toBeUndefined();
    expect(answer).toEqual({
      type: 'completed',
      outcome: { code: 'confirmed', text: '（2026）沪0104民特123号' },
    });
  });

  it('sends a ruling not to confirm as a failure with its reason, as the exchange has it', () => {
    const { local, answer } = readReferralAnswer(
      form({
        kind: 'judicial-confirmation',
        outcomeCode: 'not-confirmed',
        rulingNumber: '（2026）沪0104民特124号',
        outcomeText: '协议内容违反法律规定',
      }),
      'completed',
    );
    expect(local).toBeUndefined();
    expect(answer).toEqual({
      type: 'failed',
      reason: '协议内容违反法律规定',
      outcome: { code: 'not-confirmed', text: '（2026）沪0104民特124号\n协议内容违反法律规定' },
    });
  });

  it('asks for the ruling, its number, and the reason of a refusal, naming each field', () => {
    expect(
      readReferralAnswer(form({ kind: 'judicial-confirmation' }), 'completed').local?.errors.fields,
    ).toEqual({
      outcomeCode: 'validation.required',
      rulingNumber: 'validation.required',
    });
    expect(
      readReferralAnswer(
        form({
          kind: 'judicial-confirmation',
          outcomeCode: 'not-confirmed',
          rulingNumber: '（2026）沪0104民特1号',
        }),
        'completed',
      ).local?.errors.fields,
    ).toEqual({ outcomeText: 'referral.not_confirmed_reason_required' });
  });

  it('refuses a result the referral’s kind does not offer', () => {
    const { local } = readReferralAnswer(
      form({ kind: 'assistance', outcomeCode: 'confirmed', outcomeText: '已协调' }),
      'completed',
    );
    expect(local?.errors.fields).toEqual({ outcomeCode: 'validation.invalid' });
  });
});
