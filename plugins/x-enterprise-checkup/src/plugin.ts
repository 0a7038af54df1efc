import { definePlugin, field } from '@linju/plugin-sdk';
import { z } from 'zod';

const yes = (zh: string, en: string) => field(z.boolean().default(false), { label: { 'zh-CN': zh, en } });

/**
 * The enterprise legal check-up (企业法治体检) questionnaire: what a lawyer asks a small firm.
 * Each "no" to a good practice and each "yes" to a warning sign adds to the risk report.
 */
export const intakeForm = z.object({
  enterpriseName: field(z.string().trim().min(2).max(100), {
    label: { 'zh-CN': '企业名称', en: 'Enterprise' },
  }),
  employees: field(z.coerce.number().int().min(0).max(100_000), {
    label: { 'zh-CN': '员工人数', en: 'Employees' },
  }),
  writtenLabourContracts: yes('与全部员工签订书面劳动合同', 'Written labour contracts with every employee'),
  socialInsurancePaid: yes('依法足额缴纳社会保险', 'Social insurance paid in full'),
  contractTemplatesReviewed: yes('常用合同文本经律师审核', 'Contract templates reviewed by a lawyer'),
  wageArrears: yes('存在拖欠工资情况', 'Wages in arrears'),
  pendingLawsuits: yes('有未结诉讼或仲裁', 'Lawsuits or arbitration pending'),
});
export type CheckupAnswers = z.output<typeof intakeForm>;

export type CheckupFinding = {
  id: string;
  severity: 'high' | 'medium';
  text: { 'zh-CN': string; en: string };
};

/** The risk report of a check-up: findings, most serious first, and an overall level. */
export function riskReport(answers: CheckupAnswers): {
  level: 'low' | 'medium' | 'high';
  findings: CheckupFinding[];
} {
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
  const high = findings.filter((f) => f.severity === 'high').length;
  return { level: high > 0 ? 'high' : findings.length > 0 ? 'medium' : 'low', findings };
}

/** Enterprise legal check-up (企业法治体检): a street office's service for the small firms in its area. */
export const plugin = definePlugin({
  id: 'x-enterprise-checkup',
  version: '0.1.0',
  sdkVersion: '1.x',
  kind: 'x',
  name: { 'zh-CN': '企业法治体检', en: 'Enterprise legal check-up' },
  description: {
    'zh-CN': '律师上门为辖区中小企业做法律风险体检，出具风险提示报告',
    en: 'A lawyer visits the area’s small firms for a legal risk check-up and a written risk report',
  },
  catalogue: [
    {
      id: 'checkup-visit',
      name: { 'zh-CN': '预约法治体检', en: 'Book a check-up' },
      description: { 'zh-CN': '劳动用工、合同管理、涉诉风险', en: 'Employment, contracts, litigation risks' },
    },
  ],
  categories: [{ id: 'small-enterprise', name: { 'zh-CN': '小微企业', en: 'Small enterprise' } }],
  intakeForm,
  deadlines: { defaultWorkingDays: 10 },
  permissions: [
    {
      id: 'x-enterprise-checkup.case.handle',
      label: { 'zh-CN': '办理法治体检', en: 'Handle check-ups' },
      grantedWith: 'case.handle',
    },
  ],
  statistics: [
    { id: 'high-risk-enterprises', label: { 'zh-CN': '高风险企业数', en: 'High-risk enterprises' } },
  ],
  hooks: {
    onCaseCreated(ctx, info) {
      const report = riskReport(info.form);
      ctx.logger.info('enterprise check-up risk report', {
        caseId: info.caseId,
        level: report.level,
        findings: report.findings.length,
      });
    },
  },
});
