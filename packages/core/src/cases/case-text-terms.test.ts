import { describe, expect, it } from 'vitest';
import { caseTextQueryTerms, caseTextTerms, tsqueryOf, tsvectorOf } from './case-text-terms.ts';

const holds = (description: string, query: string) => {
  const stored = new Set(caseTextTerms(description));
  return (caseTextQueryTerms(query) ?? []).every((t) => stored.has(t));
};

describe("a description's words", () => {
  it('are the words the statute search cuts, each Chinese character and each run of digits or letters', () => {
    const terms = caseTextTerms('劳动报酬拖欠三个月，地址长乐路1234号，ABC公司');
    expect(terms).toEqual(
      expect.arrayContaining(['劳动', '报酬', '劳动报酬', '拖欠', '长乐路', '1234', 'abc']),
    );
    expect(terms).toEqual(expect.arrayContaining(['劳', '欠', '号']));
    expect(terms).not.toContain('，');
  });

  it('are all a query asks for when the description holds the query, even starting or ending inside a word', () => {
    const description = '邻居装修噪音持续到深夜，门牌12号漏水';
    for (const query of ['装修噪音', '噪音', '修噪音', '装修噪', '噪音持续到深夜', '牌12号漏', '门牌12号'])
      expect([query, holds(description, query)]).toEqual([query, true]);
  });

  it('are not all there when the description lacks a word of the query', () => {
    expect(holds('邻居装修噪音持续到深夜', '装修漏水')).toBe(false);
    expect(holds('门牌12号漏水', '门牌13号漏水')).toBe(false);
  });
});

describe("a query's words", () => {
  it('are none without Chinese: digits and letters are left to trigrams', () => {
    expect(caseTextQueryTerms('4862')).toBeNull();
    expect(caseTextQueryTerms('abc-12')).toBeNull();
  });

  it('keep a run of digits only where it is whole, between Chinese characters', () => {
    expect(caseTextQueryTerms('门牌12号')).toContain('12');
    expect(caseTextQueryTerms('长乐路123')).not.toContain('123');
  });

  it('are quoted as lexemes, never parsed as query syntax', () => {
    expect(tsqueryOf(['噪音', "o'k", 'a\\b'])).toBe("'噪音' & 'o''k' & 'a\\\\b'");
    expect(tsvectorOf(['噪音', '12'])).toBe("'噪音' '12'");
  });
});
