import { describe, expect, it } from 'vitest';
import { findCitations } from './check-citations.ts';

describe('findCitations', () => {
  it('finds every 《…》第N条, in Chinese numerals or digits, with where it stands', () => {
    const text =
      '依照《中华人民共和国民法典》第一千二百五十四条和《劳动合同法》第 82 条，另见《民法典》第六百七十五条。';
    expect(findCitations(text)).toEqual([
      {
        written: '《中华人民共和国民法典》第一千二百五十四条',
        index: 2,
        law: '中华人民共和国民法典',
        article: 1254,
      },
      { written: '《劳动合同法》第 82 条', index: 24, law: '劳动合同法', article: 82 },
      { written: '《民法典》第六百七十五条', index: 40, law: '民法典', article: 675 },
    ]);
  });

  it('passes over a book title without an article and a number it cannot read', () => {
    expect(findCitations('参见《民法典》的规定；《民法典》第零条')).toEqual([]);
  });
});
