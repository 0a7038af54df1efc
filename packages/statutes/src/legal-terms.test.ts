import { describe, expect, it } from 'vitest';
import { legalTermsFor } from './legal-terms.ts';

describe('legalTermsFor', () => {
  it('maps the words residents use to the words of the law', () => {
    expect(legalTermsFor('朋友借钱不还')).toEqual(expect.arrayContaining(['借款', '返还']));
    expect(legalTermsFor('公司拖欠工资三个月')).toEqual(expect.arrayContaining(['劳动报酬', '用人单位']));
    expect(legalTermsFor('楼上邻居噪音太大')).toEqual(expect.arrayContaining(['相邻', '噪声']));
    expect(legalTermsFor('物业不修电梯')).toEqual(expect.arrayContaining(['物业服务', '业主']));
    expect(legalTermsFor('想离婚')).toContain('离婚');
  });

  it('needs every part of a joined key, anywhere in the question', () => {
    expect(legalTermsFor('东西从高空掉下来')).toContain('坠落');
    expect(legalTermsFor('东西掉下来')).not.toContain('坠落');
  });

  it('adds nothing for a question without plain words it knows', () => {
    expect(legalTermsFor('天气')).toEqual([]);
  });
});
