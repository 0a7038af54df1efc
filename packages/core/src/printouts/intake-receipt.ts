import { documentDate, type PrintableDocument } from '@linju/plugin-sdk';
import type { CaseFacts } from './case-facts.ts';

const inWords = (date: string) => documentDate(date, 'zh-CN');

/**
 * The intake receipt (受理回执) the desk hands the resident: that the matter was taken in, its
 * number to ask after it by, and by when it is to be done (the time limit in working days).
 */
export function intakeReceipt(facts: CaseFacts): PrintableDocument {
  const deadline =
    facts.dueOn && facts.limitWorkingDays
      ? `本单位将在${facts.limitWorkingDays}个工作日内，即${inWords(facts.dueOn)}前办结并告知结果（等待补充材料的期间不计入）。`
      : '本单位将依法及时办理并告知结果。';
  return {
    title: '受理回执',
    reference: `编号：${facts.number}`,
    language: 'zh-CN',
    blocks: [
      { kind: 'fields', items: [{ label: facts.resident, value: '' }] },
      {
        kind: 'paragraph',
        text: `你于${inWords(facts.receivedOn)}以${facts.channel}方式提出的${facts.service}事项，${facts.receivedAt}已受理，受理编号为${facts.number}。${deadline}请妥善保管本回执，凭受理编号可查询办理进度；如有疑问，可拨打12348公共法律服务热线。`,
      },
      {
        kind: 'fields',
        items: [
          { label: '服务事项', value: facts.service },
          { label: '受理方式', value: facts.channel },
          { label: '受理单位', value: facts.receivedAt },
          { label: '受理人', value: facts.firstResponder ?? '' },
          { label: '受理日期', value: inWords(facts.receivedOn) },
          ...(facts.dueOn ? [{ label: '办结期限', value: inWords(facts.dueOn) }] : []),
        ],
      },
      { kind: 'closing', issuer: facts.receivedAt, date: facts.receivedOn },
    ],
  };
}
