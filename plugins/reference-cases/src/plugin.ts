import { definePlugin, KNOWLEDGE_SERVICE, readMigrations } from '@linju/plugin-sdk';
import { adminRoutes } from './admin-routes.ts';
import { seedReferenceCasesDemo } from './demo-seed.ts';
import { messages } from './messages.ts';
import { procedures } from './procedures/index.ts';
import { referenceCaseSource } from './reference-case-source.ts';

/**
 * The reference case library (参考性案例库): closed cases of any service, personal data removed,
 * proposed by the staff who handled them, approved by an expert or the bureau, found by service,
 * category, article and words, and lent to the legal assistant as similar cases.
 */
export const plugin = definePlugin({
  id: 'reference-cases',
  version: '0.1.0',
  sdkVersion: '1.x',
  ...KNOWLEDGE_SERVICE,
  name: { 'zh-CN': '参考性案例库', en: 'Reference cases' },
  description: {
    'zh-CN': '将已办结的典型案件去除个人信息后整理为参考性案例，经专家或司法局审核后供全区查阅和法律助手引用',
    en: 'Closed cases made into reference cases with personal data removed, approved by an expert or the bureau, for the district and the legal assistant',
  },
  // The reference cases and their proposals (reference_cases_entry).
  migrations: readMigrations(new URL('../migrations', import.meta.url)),
  permissions: [
    {
      id: 'reference-cases.library.read',
      label: { 'zh-CN': '查阅参考性案例库', en: 'Read the reference case library' },
      grantedWith: 'case.read',
    },
    {
      id: 'reference-cases.case.propose',
      label: { 'zh-CN': '推荐参考性案例', en: 'Propose reference cases' },
      grantedWith: 'case.handle',
      dependsOn: ['reference-cases.library.read'],
    },
    {
      // Those who review closed case files (案卷评查: the bureau, the centre's director, inspectors,
      // and an expert given an inspector's account) judge what the district may learn from them.
      id: 'reference-cases.case.approve',
      label: { 'zh-CN': '审核参考性案例', en: 'Approve reference cases' },
      grantedWith: 'file-review.conduct',
      dependsOn: ['reference-cases.library.read'],
    },
  ],
  adminRoutes,
  referenceCases: referenceCaseSource,
  demo: seedReferenceCasesDemo,
  procedures,
  messages,
});
