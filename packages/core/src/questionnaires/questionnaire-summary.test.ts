import type { schema } from '@linju/db';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { validateAnswers } from './questionnaire-answers.ts';
import { summariseAnswers } from './questionnaire-summary.ts';

const QUESTIONS: schema.Question[] = [
  { id: 'q1', kind: 'single', text: '渠道', required: true, options: ['窗口', '热线'] },
  { id: 'q2', kind: 'multiple', text: '满意之处', required: false, options: ['态度', '效率', '环境'] },
  { id: 'q3', kind: 'scale', text: '总体', required: true },
  { id: 'q4', kind: 'text', text: '建议', required: false },
];
const keyOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return [e.message, e.field];
    throw e;
  }
  return expect.fail('expected a refusal');
};

describe('validateAnswers', () => {
  it('keeps the answers in question order, options sorted, unanswered optional questions left out', () => {
    expect(
      validateAnswers(QUESTIONS, [
        { questionId: 'q3', scale: 5 },
        { questionId: 'q2', options: [2, 0] },
        { questionId: 'q1', options: [1] },
        { questionId: 'q4', text: '' },
      ]),
    ).toEqual([
      { questionId: 'q1', options: [1] },
      { questionId: 'q2', options: [0, 2] },
      { questionId: 'q3', scale: 5 },
    ]);
  });

  it('refuses a missing required answer, a second option on a single choice, a repeated or unknown option, a scale outside 1–5 and an unknown question', () => {
    const base = [{ questionId: 'q1', options: [0] }];
    expect(keyOf(() => validateAnswers(QUESTIONS, base))).toEqual([
      'questionnaire.answer_required',
      'answers.q3',
    ]);
    const withScale = (scale: number) => [...base, { questionId: 'q3', scale }];
    expect(keyOf(() => validateAnswers(QUESTIONS, withScale(0)))).toEqual([
      'questionnaire.answer_invalid',
      'answers.q3',
    ]);
    expect(keyOf(() => validateAnswers(QUESTIONS, withScale(6)))).toEqual([
      'questionnaire.answer_invalid',
      'answers.q3',
    ]);
    const ok = withScale(3);
    expect(
      keyOf(() => validateAnswers(QUESTIONS, [{ questionId: 'q1', options: [0, 1] }, ...ok.slice(1)])),
    ).toEqual(['questionnaire.answer_invalid', 'answers.q1']);
    expect(keyOf(() => validateAnswers(QUESTIONS, [...ok, { questionId: 'q2', options: [1, 1] }]))).toEqual([
      'questionnaire.answer_invalid',
      'answers.q2',
    ]);
    expect(keyOf(() => validateAnswers(QUESTIONS, [...ok, { questionId: 'q2', options: [3] }]))).toEqual([
      'questionnaire.answer_invalid',
      'answers.q2',
    ]);
    expect(keyOf(() => validateAnswers(QUESTIONS, [...ok, { questionId: 'q9', text: 'x' }]))).toEqual([
      'questionnaire.answer_invalid',
      'answers.q9',
    ]);
  });
});

describe('summariseAnswers', () => {
  it('counts each option, the mean and spread of the scale, and lists the texts in order', () => {
    const summary = summariseAnswers(QUESTIONS, [
      [
        { questionId: 'q1', options: [0] },
        { questionId: 'q2', options: [0, 1] },
        { questionId: 'q3', scale: 5 },
        { questionId: 'q4', text: '很好' },
      ],
      [
        { questionId: 'q1', options: [0] },
        { questionId: 'q3', scale: 4 },
      ],
      [
        { questionId: 'q1', options: [1] },
        { questionId: 'q2', options: [1] },
        { questionId: 'q3', scale: 1 },
        { questionId: 'q4', text: '排队太久' },
      ],
    ]);
    expect(summary.map((q) => q.answered)).toEqual([3, 2, 3, 2]);
    expect(summary[0]?.options).toEqual([
      { label: '窗口', count: 2 },
      { label: '热线', count: 1 },
    ]);
    expect(summary[1]?.options.map((o) => o.count)).toEqual([1, 2, 0]);
    expect(summary[2]).toMatchObject({ mean: 3.33, points: [1, 0, 0, 1, 1] });
    expect(summary[3]?.texts).toEqual(['很好', '排队太久']);
  });

  it('gives no mean for a scale nobody answered', () => {
    expect(summariseAnswers(QUESTIONS, [])[2]).toMatchObject({
      answered: 0,
      mean: null,
      points: [0, 0, 0, 0, 0],
    });
  });
});
