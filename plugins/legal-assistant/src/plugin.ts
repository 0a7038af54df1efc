import { definePlugin, KNOWLEDGE_SERVICE, readMigrations } from '@linju/plugin-sdk';
import { adminRoutes } from './admin-routes.ts';
import { seedAssistantDemo } from './demo-seed.ts';
import { messages } from './messages.ts';
import * as procedures from './procedures/index.ts';

/**
 * The legal assistant (法律助手): a question in plain words answered with the articles that apply,
 * similar reference cases, the district's services that fit and the ways to resolve it side by side,
 * for residents on the public site and for staff on any case. A knowledge service: switched on like
 * a service, never one a resident is taken in for.
 */
export const plugin = definePlugin({
  id: 'legal-assistant',
  version: '0.1.0',
  sdkVersion: '1.x',
  ...KNOWLEDGE_SERVICE,
  name: { 'zh-CN': '法律助手', en: 'Legal assistant' },
  description: {
    'zh-CN': '用大白话提问，列出适用的法律条文和参考案例，推荐合适的服务，比较诉讼与调解的费用和时间',
    en: 'Ask in plain words: the articles that apply, reference cases, the services that fit, and the cost and time of court against mediation',
  },
  // The questions asked and answers given, without personal data (legal_assistant_question).
  migrations: readMigrations(new URL('../migrations', import.meta.url)),
  permissions: [
    {
      id: 'legal-assistant.case.view',
      label: { 'zh-CN': '查看案件的法律助手回答', en: 'See the assistant’s answers on a case' },
      grantedWith: 'case.read',
    },
    {
      id: 'legal-assistant.case.ask',
      label: { 'zh-CN': '就案件向法律助手提问', en: 'Ask the assistant about a case' },
      grantedWith: 'case.handle',
      dependsOn: ['legal-assistant.case.view'],
    },
    {
      id: 'legal-assistant.questions.view',
      label: { 'zh-CN': '查看居民的提问记录', en: 'See what residents ask' },
      grantedWith: 'statistics.read',
    },
  ],
  procedures,
  messages,
  adminRoutes,
  demo: seedAssistantDemo,
});
