import { describe, expect, it } from 'vitest';
import { markCitations } from './mark-citations.ts';

describe('an answer cut at its citations', () => {
  it('marks each citation in place with its verdict and keeps the text between', () => {
    const text = '根据《民法典》第六百七十五条，应当还款；《民法典》第九千条不存在。';
    const first = '《民法典》第六百七十五条';
    const second = '《民法典》第九千条';
    const segments = markCitations(text, [
      {
        written: second,
        index: text.indexOf(second),
        law: '中华人民共和国民法典',
        article: 9000,
        verdict: 'missing',
      },
      {
        written: first,
        index: text.indexOf(first),
        law: '中华人民共和国民法典',
        article: 675,
        verdict: 'valid',
      },
    ]);
    expect(segments).toEqual([
      { text: '根据' },
      { text: first, verdict: 'valid' },
      { text: '，应当还款；' },
      { text: second, verdict: 'missing' },
      { text: '不存在。' },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('is the text whole without citations', () => {
    expect(markCitations('没有引用。', [])).toEqual([{ text: '没有引用。' }]);
  });
});
