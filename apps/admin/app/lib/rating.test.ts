import { describe, expect, it } from 'vitest';
import { parseRating, ratePath } from './rating.ts';

describe('the public rating page', () => {
  it('puts the code in the path without spaces or hyphens', () => {
    expect(ratePath(' 3acde-fgh47 ')).toBe('/rate/3acdefgh47');
    expect(ratePath('A/B')).toBe('/rate/A%2FB');
  });

  it('accepts only the scores 1 to 5', () => {
    expect(parseRating('5')).toBe(5);
    expect(parseRating('0')).toBeUndefined();
    expect(parseRating('4.5')).toBeUndefined();
    expect(parseRating('')).toBeUndefined();
  });
});
