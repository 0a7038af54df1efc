import type { PrintableDocument } from '@linju/plugin-sdk';
import type { CheckupAnswers } from './intake-form.ts';
import { messages } from './messages.ts';
import type { RiskReport } from './risk-report.ts';

/** What the printed report is made from: the case, the questionnaire, its report, who issues it when. */
export type ReportFacts = {
  caseNumber: string;
  answers: CheckupAnswers;
  report: RiskReport;
  /** The unit that did the check-up (its Chinese name: it issues the document). */
  issuer: string;
  /** The district's date of issue (YYYY-MM-DD). */
  date: string;
};

const zh = messages['zh-CN'];

/** The report's file name: the document's name and the case number, in words. */
export const reportFileName = (caseNumber: string) => `企业法律体检报告-${caseNumber}.pdf`;

/**
 * The enterprise legal check-up report (企业法律体检报告) handed to the firm: who was examined, the
 * overall level, each risk found with its severity, most serious first, and what the report is
 * (a warning of risks on the firm's own answers, not a legal opinion), issued by the unit.
 */
export function reportDocument(facts: ReportFacts): PrintableDocument {
  const { answers, report } = facts;
  return {
    title: '企业法律体检报告',
    reference: `编号：${facts.caseNumber}`,
    language: 'zh-CN',
    blocks: [
      {
        kind: 'fields',
        items: [
          { label: '受检企业', value: answers.enterpriseName },
          { label: '员工人数', value: `${answers.employees}人` },
          { label: '风险等级', value: zh[`x-enterprise-checkup.level.${report.level}`] },
        ],
      },
      { kind: 'heading', text: '一、体检发现的风险' },
      report.findings.length > 0
        ? {
            kind: 'clauses',
            items: report.findings.map(
              (f) => `（${zh[`x-enterprise-checkup.severity.${f.severity}`]}）${f.text['zh-CN']}`,
            ),
          }
        : { kind: 'paragraph', text: zh['x-enterprise-checkup.page.no_findings'] },
      { kind: 'heading', text: '二、说明' },
      {
        kind: 'paragraph',
        text: '本报告根据企业在体检中提供的情况作出，仅作法律风险提示，不构成法律意见书。企业可就上述风险咨询社区法律顾问或拨打12348公共法律服务热线。',
      },
      { kind: 'closing', issuer: facts.issuer, date: facts.date },
    ],
  };
}
