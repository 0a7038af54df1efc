import { definePlugin } from '@linju/plugin-sdk';
import { adminRoutes } from './admin-routes.ts';
import { intakeForm } from './intake-form.ts';
import { messages } from './messages.ts';
import * as procedures from './procedures/index.ts';
import { riskReport } from './risk-report.ts';

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
      id: 'x-enterprise-checkup.case.view',
      label: { 'zh-CN': '查看法治体检报告', en: 'View check-up reports' },
      grantedWith: 'case.read',
    },
    {
      id: 'x-enterprise-checkup.case.handle',
      label: { 'zh-CN': '办理法治体检', en: 'Handle check-ups' },
      grantedWith: 'case.handle',
      dependsOn: ['x-enterprise-checkup.case.view'],
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
  procedures,
  messages,
  // Its case page shows the risk report and issues it as a printable document.
  adminRoutes,
});
