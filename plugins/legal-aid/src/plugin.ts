import { definePlugin, readMigrations } from '@linju/plugin-sdk';
import { adminRoutes } from './admin-routes.ts';
import { seedLegalAidDemo } from './demo-seed.ts';
import { eligibilityRoute } from './eligibility.ts';
import { legalAidIntakeForm } from './intake-form.ts';
import { listSubsidiesPaidIn } from './legal-aid-records.ts';
import { LEGAL_AID_MATTER_NAMES, LEGAL_AID_MATTERS } from './matters.ts';
import { messages } from './messages.ts';
import { applyOnline } from './procedures/apply-online.ts';
import { assign } from './procedures/assign.ts';
import { decide } from './procedures/decide.ts';
import { get } from './procedures/get.ts';
import { onlineApplication } from './procedures/online-application.ts';
import { page } from './procedures/page.ts';
import { recordSubsidy } from './procedures/record-subsidy.ts';
import { reportClosure } from './procedures/report-closure.ts';
import { setThreshold } from './procedures/set-threshold.ts';
import { thresholds } from './procedures/thresholds.ts';

const applicantId = {
  id: 'applicant-id',
  name: { 'zh-CN': '申请人身份证件', en: "Applicant's identity document" },
};
const caseMaterials = {
  id: 'case-materials',
  name: { 'zh-CN': '与所申请事项相关的案件材料', en: 'Documents about the matter' },
};

/** Legal aid (法律援助): civil claims of people in economic hardship, migrant workers' wages, mandatory criminal aid. */
export const plugin = definePlugin({
  id: 'legal-aid',
  version: '0.1.0',
  sdkVersion: '1.x',
  kind: 'core',
  name: { 'zh-CN': '法律援助', en: 'Legal aid' },
  description: {
    'zh-CN':
      '为经济困难的居民依法提供法律援助，追索社保待遇、社会救助、抚恤金、赡养费、抚（扶）养费、劳动报酬、损害赔偿；开辟农民工讨薪绿色通道；认罪认罚从宽刑事案件强制法律援助',
    en: 'Free legal help for residents in economic hardship claiming social insurance, assistance, pensions, support payments, wages or damages; a green channel for migrant workers’ unpaid wages; mandatory aid in plea-leniency criminal cases',
  },
  catalogue: [
    {
      id: 'civil-legal-aid',
      name: { 'zh-CN': '法律援助申请', en: 'Legal aid application' },
      description: {
        'zh-CN': '经审查符合条件的，指派律师或法律援助工作者免费代理',
        en: 'If eligible, a lawyer or legal-aid officer is assigned free of charge',
      },
      requiredDocuments: [
        applicantId,
        {
          id: 'hardship-declaration',
          name: {
            'zh-CN': '经济困难状况说明表（个人诚信承诺）',
            en: 'Economic hardship declaration (signed pledge)',
          },
        },
        caseMaterials,
      ],
    },
    {
      id: 'migrant-worker-wages',
      name: { 'zh-CN': '农民工讨薪绿色通道', en: 'Green channel for migrant workers’ wages' },
      description: {
        'zh-CN': '进城务工人员请求支付劳动报酬或工伤赔偿的，优先受理、免予核查经济困难状况',
        en: 'Migrant workers claiming wages or work-injury damages are served first, without a hardship check',
      },
      requiredDocuments: [
        applicantId,
        {
          id: 'employment-proof',
          name: {
            'zh-CN': '劳动关系证明（劳动合同、工资条、考勤记录、工友证言等）',
            en: 'Proof of employment (contract, payslips, attendance, co-workers’ statements)',
          },
        },
      ],
    },
    {
      id: 'criminal-legal-aid',
      name: { 'zh-CN': '刑事法律援助', en: 'Criminal legal aid' },
      description: {
        'zh-CN': '认罪认罚从宽案件中为犯罪嫌疑人、被告人提供法律帮助',
        en: 'Legal help for suspects and defendants in plea-leniency cases',
      },
    },
  ],
  categories: LEGAL_AID_MATTERS.map((id) => ({ id, name: LEGAL_AID_MATTER_NAMES[id] })),
  intakeForm: legalAidIntakeForm,
  // The Legal Aid Law gives 7 days to decide an application (about 5 working days) and 3 days to
  // assign a lawyer in a criminal case; wage claims take the green channel.
  deadlines: { defaultWorkingDays: 5, byCategory: { 'plea-leniency': 3, 'labour-remuneration': 3 } },
  // Thresholds, decisions, closure reports and subsidies (legal_aid_*).
  migrations: readMigrations(new URL('../migrations', import.meta.url)),
  // Assigning the lawyer (指派) is the platform's case assignment (permission `case.manage`, with its
  // conflict-of-interest and negative-list checks), which the page reaches through the SDK. The
  // closure report, subsidies and thresholds are carried by the platform permissions that guarded
  // them before they were the plugin's (case.handle, case.manage, case.settings.manage).
  permissions: [
    {
      id: 'legal-aid.application.view',
      label: { 'zh-CN': '查看法律援助申请', en: 'View legal-aid applications' },
      grantedWith: 'case.read',
    },
    {
      id: 'legal-aid.hardship-check.perform',
      label: { 'zh-CN': '核查经济困难状况', en: 'Check economic hardship' },
      grantedWith: 'case.handle',
      dependsOn: ['legal-aid.application.view'],
    },
    {
      id: 'legal-aid.application.decide',
      label: { 'zh-CN': '作出是否给予法律援助的决定', en: 'Decide on applications' },
      grantedWith: 'case.handle',
      dependsOn: ['legal-aid.application.view'],
    },
    {
      id: 'legal-aid.lawyer.assign',
      label: { 'zh-CN': '指派承办人', en: 'Assign the lawyer' },
      grantedWith: 'case.manage',
      dependsOn: ['legal-aid.application.view'],
    },
    {
      id: 'legal-aid.closure.report',
      label: { 'zh-CN': '提交结案报告', en: 'Report the closure' },
      grantedWith: 'case.handle',
      dependsOn: ['legal-aid.application.view'],
    },
    {
      id: 'legal-aid.subsidy.record',
      label: { 'zh-CN': '登记办案补贴', en: 'Record case subsidies' },
      grantedWith: 'case.manage',
      dependsOn: ['legal-aid.application.view'],
    },
    {
      id: 'legal-aid.threshold.view',
      label: { 'zh-CN': '查看经济困难标准', en: 'View hardship thresholds' },
      grantedWith: 'case.read',
    },
    {
      id: 'legal-aid.threshold.set',
      label: { 'zh-CN': '设定经济困难标准', en: 'Set hardship thresholds' },
      grantedWith: 'case.settings.manage',
      dependsOn: ['legal-aid.threshold.view'],
    },
  ],
  procedures: {
    page,
    get,
    decide,
    assign,
    reportClosure,
    recordSubsidy,
    thresholds,
    setThreshold,
    // The resident's online application (its public screen).
    onlineApplication,
    applyOnline,
  },
  messages,
  // Its 办案补贴 are recorded case by case; the district's monthly ledger takes them over.
  subsidySources: [{ paidIn: listSubsidiesPaidIn }],
  // The seventh of the plain-language entry points of the community legal service rooms.
  entryPoints: [
    {
      id: 'labour-rights',
      slogan: { 'zh-CN': '劳动权益来学学', en: 'Labour rights? Learn here' },
      position: 7,
    },
  ],
  statistics: [
    { id: 'applications', label: { 'zh-CN': '受理申请数', en: 'Applications' } },
    { id: 'cases-granted', label: { 'zh-CN': '给予法律援助案件数', en: 'Cases granted' } },
    { id: 'migrant-worker-claims', label: { 'zh-CN': '农民工讨薪案件数', en: 'Migrant worker wage claims' } },
    { id: 'plea-leniency-cases', label: { 'zh-CN': '认罪认罚案件数', en: 'Plea-leniency cases' } },
  ],
  adminRoutes,
  demo: seedLegalAidDemo,
  hooks: {
    onCaseCreated(ctx, event) {
      ctx.logger.info('legal-aid eligibility route', {
        caseId: event.caseId,
        matter: event.form.matter,
        route: eligibilityRoute(event.form),
      });
    },
  },
});
