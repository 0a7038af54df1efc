import { describe, expect, it } from 'vitest';
import { parseRating, rateEntryUrl, ratePath, ratingCodeIssued, withRateUrl } from './rating.ts';

describe('the public rating page', () => {
  it('puts the code in the path without spaces or hyphens', () => {
    expect(ratePath(' 3acde-fgh47 ')).toBe('/rate/3acdefgh47');
    expect(ratePath('A/B')).toBe('/rate/A%2FB');
  });

  it('gives a freshly issued code the absolute address of its page, on the host the staff used', () => {
    const issued = withRateUrl(
      { code: '3ACDE-FGH47' },
      'https://xuhui.example.gov.cn/t/xuhui/cases/1/feedback',
    );
    expect(issued).toEqual({ code: '3ACDE-FGH47', rateUrl: 'https://xuhui.example.gov.cn/rate/3ACDEFGH47' });
  });

  it('prints the page for typing the code in as a whole address, on the same site as the code’s page', () => {
    expect(rateEntryUrl('https://xuhui.example.gov.cn/rate/3ACDEFGH47')).toBe(
      'https://xuhui.example.gov.cn/rate',
    );
  });

  it('accepts only the scores 1 to 5', () => {
    expect(parseRating('5')).toBe(5);
    expect(parseRating('0')).toBeUndefined();
    expect(parseRating('4.5')).toBeUndefined();
    expect(parseRating('')).toBeUndefined();
  });
});

describe('whether a rating code was issued', () => {
  it('reads the timeline: a code’s entry says until when it works, a recorded score does not', () => {
    const told = { kind: 'feedback', data: { method: 'phone' } };
    const issued = { kind: 'satisfaction', data: { expiresAt: '2026-12-20T00:00:00.000Z' } };
    const scored = { kind: 'satisfaction', data: { score: 5, source: 'staff' } };
    expect(ratingCodeIssued([told])).toBe(false);
    expect(ratingCodeIssued([told, scored])).toBe(false);
    expect(ratingCodeIssued([told, issued])).toBe(true);
  });
});
