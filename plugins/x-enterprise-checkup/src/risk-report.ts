import type { CheckupAnswers } from './intake-form.ts';

export type CheckupFinding = {
  id: string;
  severity: 'high' | 'medium';
  text: { 'zh-CN': string; en: string };
};

/** The risk report of a check-up: findings, most serious first, and an overall level. */
export type RiskReport = { level: 'low' | 'medium' | 'high'; findings: CheckupFinding[] };

const SERIOUSNESS: Record<CheckupFinding['severity'], number> = { high: 0, medium: 1 };

/** The risk report of a check-up's answers. */
export function riskReport(answers: CheckupAnswers): RiskReport {
  const findings: CheckupFinding[] = [];
  if (answers.wageArrears) {
    findings.push({
      id: 'wage-arrears',
      severity: 'high',
      text: {
        'zh-CN': '拖欠工资：须立即清偿，否则面临劳动监察处罚和农民工讨薪纠纷',
        en: 'Wages in arrears: pay now, or face labour inspection penalties and wage claims',
      },
    });
  }
  if (!answers.writtenLabourContracts && answers.employees > 0) {
    findings.push({
      id: 'no-written-contracts',
      severity: 'high',
      text: {
        'zh-CN': '未签书面劳动合同：可能须支付双倍工资',
        en: 'No written labour contracts: double wages may be owed',
      },
    });
  }
  if (!answers.socialInsurancePaid && answers.employees > 0) {
    findings.push({
      id: 'social-insurance',
      severity: 'high',
      text: {
        'zh-CN': '社会保险未足额缴纳：补缴及滞纳金风险',
        en: 'Social insurance underpaid: back payments and late fees',
      },
    });
  }
  if (!answers.contractTemplatesReviewed) {
    findings.push({
      id: 'contract-templates',
      severity: 'medium',
      text: {
        'zh-CN': '合同文本未经审核：建议由社区法律顾问审阅',
        en: 'Contract templates unreviewed: ask the community lawyer adviser',
      },
    });
  }
  if (answers.pendingLawsuits) {
    findings.push({
      id: 'pending-lawsuits',
      severity: 'medium',
      text: {
        'zh-CN': '存在未结诉讼：评估调解可能以降低成本',
        en: 'Lawsuits pending: consider mediation to cut costs',
      },
    });
  }
  findings.sort((a, b) => SERIOUSNESS[a.severity] - SERIOUSNESS[b.severity]);
  const high = findings.filter((f) => f.severity === 'high').length;
  return { level: high > 0 ? 'high' : findings.length > 0 ? 'medium' : 'low', findings };
}
