import { describe, expect, it } from 'vitest';
import { segment } from './segment.ts';

describe('segment', () => {
  it('cuts Chinese into words and the words inside long ones, without punctuation or stopwords', () => {
    const terms = segment('中华人民共和国民法典：借款人应当按照约定的期限返还借款。');
    expect(terms).toEqual(
      expect.arrayContaining(['中华人民共和国', '人民', '民法典', '借款人', '返还', '借款']),
    );
    expect(terms).not.toContain('：');
    expect(terms).not.toContain('。');
  });

  it('drops question words, so a question keeps its matter', () => {
    expect(segment('请问工资被拖欠了怎么办')).toEqual(['工资', '拖欠']);
  });
});
