import type { StatuteArticle } from '@linju/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { composeAnswer } from './compose-answer.ts';

const article675: StatuteArticle = {
  law: '中华人民共和国民法典',
  article: 675,
  label: '第六百七十五条',
  text: '借款人应当按照约定的期限返还借款。对借款期限没有约定或者约定不明确，依据本法第五百一十条的规定仍不能确定的，借款人可以随时返还；贷款人可以催告借款人在合理期限内返还。',
  status: 'current',
};
const article4: StatuteArticle = {
  law: '中华人民共和国人民调解法',
  article: 4,
  label: '第四条',
  text: '人民调解委员会调解民间纠纷，不收取任何费用。',
  status: 'current',
};

describe('the answer without a language model', () => {
  it('cites every retrieved article as the library writes it, in both languages', () => {
    const answer = composeAnswer('debt', [article675, article4]);
    for (const text of [answer['zh-CN'], answer.en]) {
      expect(text).toContain('《民法典》第六百七十五条');
      expect(text).toContain('《人民调解法》第四条');
    }
    expect(answer['zh-CN']).toContain('借款到期不还的');
    expect(answer['zh-CN']).toContain('人民调解委员会调解民间纠纷，不收取任何费用。');
    expect(answer.en).toContain('When a loan is not repaid on time');
  });

  it('quotes a long article in part, ending it with an ellipsis', () => {
    const long = { ...article675, text: '借'.repeat(300) };
    expect(composeAnswer('debt', [long])['zh-CN']).toContain(`${'借'.repeat(120)}……`);
  });

  it('says no article was found, and that it is not a lawyer’s advice', () => {
    const answer = composeAnswer('general', []);
    expect(answer['zh-CN']).toContain('没有找到直接适用的条文');
    expect(answer['zh-CN']).toContain('不代替律师意见');
    expect(answer.en).toContain('not a lawyer’s advice');
  });
});
