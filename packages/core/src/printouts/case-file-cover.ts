import { documentDate, type PrintableDocument } from '@linju/plugin-sdk';
import type { CaseFacts } from './case-facts.ts';

/** Left for the archivist's pen. */
const BLANK = '＿＿＿＿＿＿＿＿';
const BLANK_DATE = '　　　　年　　月　　日';

/**
 * The cover of a case's paper file (案卷封面): what the archive needs to shelve and find it — the
 * case number, the service, the parties, who handled it, when it was taken in and closed — with
 * the archive's own entries (filing date, retention, pages) left blank to be written in.
 */
export function caseFileCover(facts: CaseFacts): PrintableDocument {
  return {
    title: `${facts.service}案卷`,
    reference: `案号：${facts.number}`,
    language: 'zh-CN',
    blocks: [
      {
        kind: 'fields',
        items: [
          { label: '立卷单位', value: facts.district },
          { label: '服务事项', value: facts.service },
          { label: '当事人', value: facts.parties.map((p) => `${p.name}（${p.role}）`).join('、') },
          { label: '受理单位', value: facts.receivedAt },
          { label: '承办单位', value: facts.handledBy },
          { label: '承办人', value: facts.assignee ?? BLANK },
          { label: '收案日期', value: documentDate(facts.receivedOn, 'zh-CN') },
          { label: '结案日期', value: facts.closedOn ? documentDate(facts.closedOn, 'zh-CN') : BLANK_DATE },
          { label: '归档日期', value: BLANK_DATE },
          { label: '保管期限', value: BLANK },
          { label: '本卷页数', value: `共${BLANK}页` },
        ],
      },
    ],
  };
}
