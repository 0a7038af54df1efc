import { describe, expect, it } from 'vitest';
import { parseArticleNumber, parseChineseNumeral } from './article-number.ts';

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['一百零五', 105],
    ['一百一十', 110],
    ['六百七十五', 675],
    ['一千零一', 1001],
    ['一千二百五十四', 1254],
    ['一千二百六十', 1260],
    ['两百', 200],
    ['二〇', undefined],
  ])('reads %s as %s', (numeral, number) => {
    expect(parseChineseNumeral(numeral)).toBe(number);
  });

  it.each(['', '一二', '百千', '十十', '五千千', '零十', '甲'])('refuses %s', (numeral) => {
    expect(parseChineseNumeral(numeral)).toBeUndefined();
  });
});

describe('parseArticleNumber', () => {
  it.each([
    ['1254', 1254],
    ['第1254条', 1254],
    ['第一千二百五十四条', 1254],
    ['一千二百五十四', 1254],
    ['第十条', 10],
    [' 第 675 条 ', 675],
  ])('reads %s as article %s', (written, number) => {
    expect(parseArticleNumber(written)).toBe(number);
  });

  it.each(['', '0', '第零条', 'abc', '第一千二百五十四款', '12a', '-3'])('refuses %s', (written) => {
    expect(parseArticleNumber(written)).toBeUndefined();
  });
});
