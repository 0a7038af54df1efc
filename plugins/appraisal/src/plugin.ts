import { definePlugin, readMigrations } from '@linju/plugin-sdk';
import { adminRoutes } from './admin-routes.ts';
import { seedAppraisalDemo } from './demo-seed.ts';
import { APPRAISAL_TYPE_NAMES, APPRAISAL_TYPES, appraisalIntakeForm } from './intake-form.ts';
import { messages } from './messages.ts';
import { procedures } from './procedures/index.ts';

/** Judicial appraisal (司法鉴定): consultation on common appraisal needs and guidance to a licensed institution. */
export const plugin = definePlugin({
  id: 'appraisal',
  version: '0.1.0',
  sdkVersion: '1.x',
  kind: 'core',
  name: { 'zh-CN': '司法鉴定', en: 'Judicial appraisal' },
  description: {
    'zh-CN':
      '就损伤程度、伤残等级、精神状况、行为能力等常见司法鉴定需求提供咨询，引导居民依法委托鉴定、固定诉讼证据',
    en: 'Advice on common appraisals (degree of injury, disability grade, mental state, capacity) and guidance on commissioning one as evidence',
  },
  catalogue: [
    {
      id: 'appraisal-consultation',
      name: { 'zh-CN': '司法鉴定咨询', en: 'Appraisal consultation' },
      description: {
        'zh-CN': '司法鉴定人解答能否鉴定、何时鉴定、需要哪些材料、费用大致多少',
        en: 'An appraiser explains whether and when an appraisal can be done, what it needs and roughly what it costs',
      },
    },
    {
      id: 'commissioning-guidance',
      name: { 'zh-CN': '鉴定委托指引', en: 'Guidance on commissioning an appraisal' },
      description: {
        'zh-CN': '说明委托程序，推荐具备相应资质的司法鉴定机构；诉讼中的鉴定由办案机关委托',
        en: 'Explains the procedure and points to licensed institutions; in litigation the court commissions the appraisal',
      },
      requiredDocuments: [
        {
          id: 'applicant-id',
          name: { 'zh-CN': '被鉴定人身份证件', en: 'Identity document of the person appraised' },
        },
        {
          id: 'medical-records',
          name: { 'zh-CN': '病历、诊断证明及影像资料', en: 'Medical records, diagnoses and imaging' },
        },
        {
          id: 'case-documents',
          name: {
            'zh-CN': '事故认定书、报警回执等相关材料',
            en: 'Accident findings, police receipts and other case documents',
          },
          optional: true,
        },
      ],
    },
  ],
  categories: APPRAISAL_TYPES.map((id) => ({ id, name: APPRAISAL_TYPE_NAMES[id] })),
  intakeForm: appraisalIntakeForm,
  // This limit covers the consultation and guidance; the appraisal itself (30 working days by the
  // appraisal procedure rules) runs at the institution.
  deadlines: { defaultWorkingDays: 5 },
  // Appraisal advice and the referral to an institution (appraisal_advice).
  migrations: readMigrations(new URL('../migrations', import.meta.url)),
  permissions: [
    {
      id: 'appraisal.case.view',
      label: { 'zh-CN': '查看鉴定咨询', en: 'View appraisal consultations' },
      grantedWith: 'case.read',
    },
    {
      id: 'appraisal.case.answer',
      label: { 'zh-CN': '答复鉴定咨询', en: 'Answer appraisal consultations' },
      grantedWith: 'case.handle',
      dependsOn: ['appraisal.case.view'],
    },
  ],
  statistics: [
    { id: 'consultations', label: { 'zh-CN': '鉴定咨询数', en: 'Appraisal consultations' } },
    { id: 'guided-to-institution', label: { 'zh-CN': '引导委托鉴定数', en: 'Guided to an institution' } },
  ],
  adminRoutes,
  demo: seedAppraisalDemo,
  procedures,
  messages,
});
