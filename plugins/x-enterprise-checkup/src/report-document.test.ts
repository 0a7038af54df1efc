import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../packages/documents/src/index.ts';
import { pdfText, undrawnCharacters } from '../../../packages/documents/src/testing/index.ts';
import type { CheckupAnswers } from './intake-form.ts';
import { reportDocument, reportFileName } from './report-document.ts';
import { riskReport } from './risk-report.ts';

const answers: CheckupAnswers = {
  enterpriseName: '上海某某餐饮管理有限公司',
  employees: 12,
  writtenLabourContracts: false,
  socialInsurancePaid: true,
  contractTemplatesReviewed: false,
  wageArrears: true,
  pendingLawsuits: true,
};
const facts = {
  caseNumber: 'XH-2026-000321',
  answers,
  report: riskReport(answers),
  issuer: '甲街道公共法律服务工作站',
  date: '2026-12-06',
};

describe('the enterprise legal check-up report', () => {
  const document = reportDocument(facts);

  it('is named in words after the document and the case', () => {
    expect(document.title).toBe('企业法律体检报告');
    expect(document.reference).toBe('编号：XH-2026-000321');
    expect(reportFileName('XH-2026-000321')).toBe('企业法律体检报告-XH-2026-000321.pdf');
  });

  it('names the enterprise and the overall level', () => {
    expect(document.blocks[0]).toEqual({
      kind: 'fields',
      items: [
        { label: '受检企业', value: '上海某某餐饮管理有限公司' },
        { label: '员工人数', value: '12人' },
        { label: '风险等级', value: '高风险' },
      ],
    });
  });

  it('lists the findings most serious first, each with its severity', () => {
    expect(document.blocks).toContainEqual({
      kind: 'clauses',
      items: [
        '（严重）拖欠工资：须立即清偿，否则面临劳动监察处罚和农民工讨薪纠纷',
        '（严重）未签书面劳动合同：可能须支付双倍工资',
        '（一般）合同文本未经审核：建议由社区法律顾问审阅',
        '（一般）存在未结诉讼：评估调解可能以降低成本',
      ],
    });
  });

  it('says so when nothing was found', () => {
    const diligent = { ...answers, writtenLabourContracts: true, contractTemplatesReviewed: true };
    const clean = { ...diligent, wageArrears: false, pendingLawsuits: false };
    const report = reportDocument({ ...facts, answers: clean, report: riskReport(clean) });
    expect(report.blocks).toContainEqual({ kind: 'paragraph', text: '未发现明显法律风险。' });
  });

  it('is issued by the unit under the date', () => {
    expect(document.blocks.at(-1)).toEqual({
      kind: 'closing',
      issuer: '甲街道公共法律服务工作站',
      date: '2026-12-06',
    });
  });

  it('prints with every character drawn', { timeout: 30_000 }, async () => {
    const bytes = await renderPdf(document);
    expect(await undrawnCharacters(bytes)).toEqual([]);
    const text = (await pdfText(bytes)).text.replaceAll(/\s/g, '');
    expect(text).toContain('企业法律体检报告');
    expect(text).toContain('风险等级：高风险');
    expect(text).toContain('甲街道公共法律服务工作站2026年12月6日');
  });
});
