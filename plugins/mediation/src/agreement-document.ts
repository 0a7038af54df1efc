import type { PrintableDocument } from '@linju/plugin-sdk';
import type { MediationDispute } from './intake-form.ts';
import type { Mediator } from './mediation-record.ts';
import { partyParticulars, type RecordedParticulars } from './party-particulars.ts';

/** What the agreement is made from: the case, its mediators, the agreed terms. */
export type AgreementFacts = {
  caseNumber: string;
  /** The mediation organisation (the station's people's mediation committee). */
  organisationName: string;
  form: MediationDispute;
  mediators: readonly Mediator[];
  terms: readonly string[];
  /** The date printed on the agreement, as the district's calendar date (YYYY-MM-DD). */
  date: string;
  /** The parties' particulars the case records (opened for the agreement and audited), by name. */
  particulars?: readonly RecordedParticulars[];
};

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const chineseCount = (n: number) =>
  n <= 10 ? (NUMERALS[n] ?? String(n)) : n < 20 ? `十${NUMERALS[n - 10]}` : String(n);
const ROLE = { applicant: '申请人', respondent: '被申请人' } as const;

/**
 * The mediation agreement (人民调解协议书) in the form the People's Mediation Law asks for
 * (art. 29): the parties, the main facts and points in dispute, the terms agreed with how and
 * when they are to be performed, signed by the parties and the mediator, with the
 * organisation's seal. It also tells the parties they may apply together for judicial
 * confirmation within thirty days (art. 33).
 */
export function agreementDocument(facts: AgreementFacts): PrintableDocument {
  const copies = facts.form.parties.length + 1;
  return {
    title: '人民调解协议书',
    reference: `编号：${facts.caseNumber}`,
    language: 'zh-CN',
    blocks: [
      {
        kind: 'fields',
        items: facts.form.parties.map((party) => ({
          label: ROLE[party.role],
          value: partyParticulars(party, facts.particulars),
        })),
      },
      { kind: 'heading', text: '一、纠纷主要事实、争议事项' },
      { kind: 'paragraph', text: facts.form.summary },
      { kind: 'heading', text: '二、经调解，双方当事人自愿达成如下协议' },
      { kind: 'clauses', items: facts.terms },
      { kind: 'heading', text: '三、其他事项' },
      {
        kind: 'paragraph',
        text: `本协议自各方当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章之日起生效。本协议一式${chineseCount(copies)}份，当事人各执一份，人民调解委员会留存一份。双方当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认。`,
      },
      {
        kind: 'signatures',
        signers: [
          ...facts.form.parties.map((party) => ({ role: ROLE[party.role], name: party.name })),
          ...facts.mediators.map((mediator) => ({ role: '人民调解员', name: mediator.name })),
        ],
      },
      { kind: 'closing', issuer: facts.organisationName, date: facts.date },
    ],
  };
}
