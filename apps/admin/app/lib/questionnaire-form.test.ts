import { describe, expect, it } from 'vitest';
import {
  answersOfForm,
  questionFieldMapping,
  questionOfField,
  questionsOfForm,
  typedQuestions,
} from './questionnaire-form.ts';

const formOf = (entries: [string, string][]) => {
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  return form;
};

describe('questionnaire forms', () => {
  it('reads the written question rows, skipping empty ones, with options one per line for choices only', () => {
    const form = formOf([
      ['q0.kind', 'single'],
      ['q0.text', '渠道'],
      ['q0.required', 'on'],
      ['q0.options', '窗口\r\n热线\n\n网上 '],
      ['q1.kind', 'scale'],
      ['q1.text', ''],
      ['q2.kind', 'text'],
      ['q2.text', '建议'],
      ['q2.options', '不该有'],
    ]);
    expect(questionsOfForm(form, 3)).toEqual([
      { slot: 0, draft: { kind: 'single', text: '渠道', required: true, options: ['窗口', '热线', '网上'] } },
      { slot: 2, draft: { kind: 'text', text: '建议', required: false, options: [] } },
    ]);
  });

  it('reads answers by question id: option indexes, the scale point and the text; unanswered left out', () => {
    const questions = [
      { id: 'q1', kind: 'single' as const, text: '', required: true, options: ['a', 'b'] },
      { id: 'q2', kind: 'multiple' as const, text: '', required: false, options: ['a', 'b', 'c'] },
      { id: 'q3', kind: 'scale' as const, text: '', required: true },
      { id: 'q4', kind: 'text' as const, text: '', required: false },
    ];
    const form = formOf([
      ['q1', '1'],
      ['q2', '0'],
      ['q2', '2'],
      ['q3', '4'],
      ['q4', '  '],
    ]);
    expect(answersOfForm(questions, form)).toEqual([
      { questionId: 'q1', options: [1] },
      { questionId: 'q2', options: [0, 2] },
      { questionId: 'q3', scale: 4 },
    ]);
  });

  it('places a refusal on its question only when the API names an answer', () => {
    expect(questionOfField('answers.q3')).toBe('q3');
    expect(questionOfField('code')).toBeUndefined();
    expect(questionOfField(undefined)).toBeUndefined();
  });
});

describe('a refused questionnaire form, filled again', () => {
  it('keeps each written question in its row, so the error the API gives for that row stands beside it', () => {
    const form = formOf([
      ['q0.text', ''],
      ['q1.kind', 'single'],
      ['q1.text', '您通过什么渠道办理？'],
      ['q2.text', ''],
      ['q3.kind', 'text'],
      ['q3.text', '建议'],
    ]);
    const drafts = questionsOfForm(form, 4);
    // The API counts written questions only: its `questions.0` is the one typed in row 1.
    expect(questionFieldMapping(drafts, ['title']).fieldForPath['questions.0.options']).toBe('questions.1');
    expect(typedQuestions(drafts)).toEqual([
      null,
      { kind: 'single', text: '您通过什么渠道办理？', required: false, options: [] },
      null,
      { kind: 'text', text: '建议', required: false, options: [] },
    ]);
  });
});
