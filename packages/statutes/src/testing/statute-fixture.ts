import type { CorpusArticle } from '../statute-corpus.ts';

const article = (
  law: { id: string; name: string; status: string },
  number: number,
  label: string,
  text: string,
): CorpusArticle => ({
  law_id: law.id,
  law_name: law.name,
  doc_type: '法律',
  issuing_body: '全国人民代表大会常务委员会',
  publish_date: '2020-05-28',
  effective_date: '2021-01-01',
  law_status: law.status,
  law_department: '民法商法',
  chapter: '第一章 借款',
  article_no: label,
  article_no_arabic: number,
  article_text: text,
  status: law.status,
});

/**
 * A small library for tests, its laws named after `tag` so test files sharing one database keep
 * to their own: a current law on loans (and one article numbered 1254), and a repealed one whose
 * article says the same more often — BM25 alone would put it first.
 */
export function statuteFixture(tag: string) {
  const current = { id: `test-${tag}-current`, name: `中华人民共和国${tag}借贷法`, status: '现行有效' };
  const repealed = { id: `test-${tag}-repealed`, name: `中华人民共和国${tag}旧借贷法`, status: '已废止' };
  const lines = [
    article(current, 1, '第一条', '借款人应当按照约定的期限返还借款。'),
    article(current, 2, '第二条', '借款合同对支付利息没有约定的，视为没有利息。'),
    article(current, 1254, '第一千二百五十四条', '禁止从建筑物中抛掷物品。'),
    article(
      repealed,
      1,
      '第一条',
      '借款人应当返还借款；借款人逾期不返还借款的，应当返还借款并支付逾期利息。',
    ),
  ];
  return { current, repealed, lines, jsonl: `${lines.map((l) => JSON.stringify(l)).join('\n')}\n` };
}
