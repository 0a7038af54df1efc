import { describe, expect, it } from 'vitest';
import { searchTerms } from './reference-case-library.ts';

describe('the terms a question is matched by', () => {
  it('takes overlapping pairs of Chinese characters and whole Latin words or numbers', () => {
    expect(searchTerms('朋友借钱 不还，APP转账5000元')).toEqual([
      '朋友',
      '友借',
      '借钱',
      '不还',
      'app',
      '转账',
      '5000',
    ]);
  });

  it('has nothing to match in punctuation or a lone character', () => {
    expect(searchTerms('？！ 钱 a')).toEqual([]);
  });
});
