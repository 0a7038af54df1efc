import { describe, expect, it } from 'vitest';
import { answersFormOf } from './hotline-answers.ts';

const q = (s: string) => new URLSearchParams(s);

describe('answersFormOf', () => {
  it('defaults to this month so far, as a workbook', () => {
    expect(answersFormOf(q(''), '2026-11-23')).toEqual({
      from: '2026-11-01',
      to: '2026-11-23',
      format: 'xlsx',
      problem: null,
    });
  });
  it('takes the period and CSV as asked', () => {
    expect(answersFormOf(q('from=2026-03-01&to=2026-03-31&format=csv'), '2026-11-23')).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      format: 'csv',
      problem: null,
    });
  });
  it('names an unreadable date and a reversed period', () => {
    expect(answersFormOf(q('from=2026-3-1&to=2026-03-31'), '2026-11-23').problem).toBe(
      'validation.date_invalid',
    );
    expect(answersFormOf(q('from=2026-04-01&to=2026-03-31'), '2026-11-23').problem).toBe(
      'hotline.period_invalid',
    );
  });
  it('shows a reason sent back by the download route, ignoring unknown ones', () => {
    expect(answersFormOf(q('answersError=hotline.answers_too_many'), '2026-11-23').problem).toBe(
      'hotline.answers_too_many',
    );
    expect(answersFormOf(q('answersError=nonsense'), '2026-11-23').problem).toBeNull();
  });
});
