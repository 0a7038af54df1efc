import { documentDate, type PrintableDocument, pluginMessage } from '@linju/plugin-sdk';
import type { EligibilityRoute } from './eligibility.ts';
import type { LegalAidIntake } from './intake-form.ts';
import type { Decision } from './legal-aid-records.ts';
import { LEGAL_AID_MATTER_NAMES } from './matters.ts';
import { messages } from './messages.ts';

/** What the decision letter is made from: the case, the application, the decision and who made it. */
export type DecisionLetterFacts = {
  caseNumber: string;
  intake: LegalAidIntake;
  /** The day the application was received (district date, ISO). */
  receivedOn: string;
  decision: Decision;
  /** The legal-aid organisation that decided (the centre handling the case). */
  organisationName: string;
};

const inWords = (date: string) => documentDate(date, 'zh-CN');

/** The decision letter's file name, in words: 给予法律援助决定书-XH-2026-000123.pdf. */
export const decisionLetterFileName = (granted: boolean, caseNumber: string) =>
  `${granted ? '给予' : '不予'}法律援助决定书-${caseNumber}.pdf`;

/**
 * The decision letter (法律援助决定书) the Legal Aid Law requires in writing (art. 43): a grant
 * says legal aid is given and a lawyer will be assigned within three days; a refusal tells the
 * applicant why and that they may object to the justice bureau that set up the centre (art. 49).
 */
export function decisionLetter(facts: DecisionLetterFacts): PrintableDocument {
  const { decision, intake } = facts;
  const matter = LEGAL_AID_MATTER_NAMES[intake.matter]['zh-CN'];
  const applied = `你于${inWords(facts.receivedOn)}就“${matter}”事项提出的法律援助申请，本机构已依照《中华人民共和国法律援助法》进行审查。`;
  const route = pluginMessage(
    messages,
    'zh-CN',
    `legal-aid.page.route_${decision.route as EligibilityRoute}`,
  );
  const body = decision.granted
    ? [
        `${applied}经审查，你的申请符合法律援助条件（${route}），本机构决定给予法律援助。`,
        '本机构将自作出本决定之日起三日内指派法律援助人员为你提供法律援助。请保持通讯畅通，如实提供与案件有关的情况和证据材料。',
      ]
    : [
        `${applied}经审查，本机构决定不予法律援助。理由：${decision.reason ?? ''}`,
        '你对本决定有异议的，可以向设立本机构的司法行政部门提出。',
      ];
  return {
    title: decision.granted ? '给予法律援助决定书' : '不予法律援助决定书',
    reference: `编号：${facts.caseNumber}`,
    language: 'zh-CN',
    blocks: [
      { kind: 'fields', items: [{ label: '申请人', value: intake.applicantName }] },
      ...body.map((text) => ({ kind: 'paragraph' as const, text })),
      { kind: 'closing', issuer: facts.organisationName, date: decision.decidedOn },
    ],
  };
}
