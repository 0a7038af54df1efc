import { describe, expect, it } from 'vitest';
import { scrubQuestion } from './scrub.ts';

describe('a question kept without personal data', () => {
  it('drops mobile and landline numbers', () => {
    expect(scrubQuestion('我的电话13812345678，请回电')).toBe('我的电话【电话】，请回电');
    expect(scrubQuestion('打 138 1234 5678 或 +86 13912345678')).toBe('打 【电话】 或 【电话】');
    expect(scrubQuestion('座机021-62345678')).toBe('座机【电话】');
  });

  it('drops ID and bank-card numbers, whole', () => {
    expect(scrubQuestion('身份证31010119800101123X被冒用')).toBe('身份证【身份证号】被冒用');
    expect(scrubQuestion('卡号6222020200112233445')).toBe('卡号【卡号】');
  });

  it('drops e-mail addresses', () => {
    expect(scrubQuestion('发到 zhang.san@example.com 了')).toBe('发到 【邮箱】 了');
  });

  it('drops names where the words say one follows, and 张先生, 老王', () => {
    expect(scrubQuestion('我叫李小明，朋友借钱不还')).toBe('我叫【姓名】，朋友借钱不还');
    expect(scrubQuestion('姓名：王芳')).toBe('姓名：【姓名】');
    expect(scrubQuestion('张先生借了我5万元')).toBe('【姓名】借了我5万元');
    expect(scrubQuestion('邻居老王每天半夜装修')).toBe('邻居【姓名】每天半夜装修');
  });

  it('keeps amounts, dates and the words of the matter', () => {
    const question = '2024年3月借给朋友5万元，约定一年后还，现在不还怎么办？';
    expect(scrubQuestion(question)).toBe(question);
  });
});
