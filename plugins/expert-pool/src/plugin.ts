import { definePlugin, KNOWLEDGE_SERVICE, readMigrations } from '@linju/plugin-sdk';
import { adminRoutes } from './admin-routes.ts';
import { seedExpertPoolDemo } from './demo-seed.ts';
import { messages } from './messages.ts';
import * as procedures from './procedures/index.ts';

/**
 * The district's pool of experts (公益法律服务专家库): lawyers, scholars, retired judges and senior
 * mediators a handler puts a hard matter of any case to for a written opinion (研判).
 */
export const plugin = definePlugin({
  id: 'expert-pool',
  version: '0.1.0',
  sdkVersion: '1.x',
  ...KNOWLEDGE_SERVICE,
  name: { 'zh-CN': '公益法律服务专家库', en: 'Expert pool' },
  description: {
    'zh-CN': '律师、法学专家学者、退休法官和资深调解员组成的专家库，对疑难案件出具书面研判意见',
    en: 'Lawyers, legal scholars, retired judges and senior mediators who give written opinions on hard matters',
  },
  // The experts and the requests put to them (expert_pool_expert, expert_pool_request).
  migrations: readMigrations(new URL('../migrations', import.meta.url)),
  permissions: [
    {
      id: 'expert-pool.pool.view',
      label: { 'zh-CN': '查看专家库', en: 'View the expert pool' },
      grantedWith: 'case.read',
    },
    {
      id: 'expert-pool.load.view',
      label: { 'zh-CN': '查看专家工作量和研判意见', en: 'View the experts’ load and opinions' },
      grantedWith: 'statistics.read',
      dependsOn: ['expert-pool.pool.view'],
    },
    {
      id: 'expert-pool.expert.manage',
      label: { 'zh-CN': '管理专家库', en: 'Manage the expert pool' },
      grantedWith: 'case.settings.manage',
      dependsOn: ['expert-pool.pool.view', 'expert-pool.load.view'],
    },
    {
      id: 'expert-pool.opinion.view',
      label: { 'zh-CN': '查看案件的专家研判', en: 'View a case’s expert opinions' },
      grantedWith: 'case.read',
    },
    {
      id: 'expert-pool.opinion.request',
      label: { 'zh-CN': '提请专家研判', en: 'Ask experts for an opinion' },
      grantedWith: 'case.handle',
      dependsOn: ['expert-pool.opinion.view'],
    },
    {
      // Only a request put to the expert the account is linked to (checked by the procedure).
      id: 'expert-pool.opinion.answer',
      label: { 'zh-CN': '答复提请本人的研判', en: 'Answer a request put to oneself' },
      grantedWith: 'case.read',
      dependsOn: ['expert-pool.opinion.view'],
    },
    {
      id: 'expert-pool.opinion.record',
      label: { 'zh-CN': '代专家录入研判意见', en: 'Record an expert’s opinion on their behalf' },
      grantedWith: 'case.settings.manage',
      dependsOn: ['expert-pool.opinion.view'],
    },
  ],
  procedures,
  messages,
  adminRoutes,
  demo: seedExpertPoolDemo,
});
