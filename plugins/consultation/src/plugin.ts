import { definePlugin, readMigrations } from '@linju/plugin-sdk';
import { adminRoutes } from './admin-routes.ts';
import { consultationFacts } from './consultation-log.ts';
import { seedConsultationDemo } from './demo-seed.ts';
import {
  CONSULTATION_CATEGORIES,
  CONSULTATION_CATEGORY_NAMES,
  consultationIntakeForm,
} from './intake-form.ts';
import { messages } from './messages.ts';
import * as procedures from './procedures/index.ts';

/** Lawyer consultation (律师咨询): free legal advice at the centre, stations, rooms, the 12348 hotline and online. */
export const plugin = definePlugin({
  id: 'consultation',
  version: '0.1.0',
  sdkVersion: '1.x',
  kind: 'core',
  name: { 'zh-CN': '律师咨询', en: 'Lawyer consultation' },
  description: {
    'zh-CN':
      '由志愿律师团和居村法律顾问为居民解答家事、侵权、债务、相邻关系、物业管理、城区更新改造等法律问题',
    en: 'Volunteer lawyers and community lawyer advisers answer residents’ questions on family matters, torts, debts, neighbour relations, property management, urban renewal and more',
  },
  catalogue: [
    {
      id: 'legal-consultation',
      name: { 'zh-CN': '法律咨询', en: 'Legal consultation' },
      description: {
        'zh-CN': '值班律师现场、电话或网上免费解答法律问题，当场能答复的当场答复',
        en: 'A duty lawyer answers free of charge in person, by phone or online; on the spot whenever possible',
      },
    },
    {
      id: 'community-adviser',
      name: { 'zh-CN': '居村法律顾问', en: 'Community lawyer adviser' },
      description: {
        'zh-CN': '一居一法律顾问：本居（村）签约律师定期坐班，提供咨询、参与调解、协助依法办事',
        en: 'One lawyer adviser per community: regular office hours, advice, help with mediation and with doing things by the law',
      },
    },
  ],
  categories: CONSULTATION_CATEGORIES.map((id) => ({ id, name: CONSULTATION_CATEGORY_NAMES[id] })),
  intakeForm: consultationIntakeForm,
  // Most questions are answered on the spot; the limit covers those needing research or a lawyer's follow-up.
  deadlines: { defaultWorkingDays: 5, byCategory: { 'urban-renewal': 10 } },
  // The consultation log with durations (consultation_log).
  migrations: readMigrations(new URL('../migrations', import.meta.url)),
  permissions: [
    {
      id: 'consultation.case.view',
      label: { 'zh-CN': '查看咨询记录', en: 'View consultations' },
      grantedWith: 'case.read',
    },
    {
      id: 'consultation.case.answer',
      label: { 'zh-CN': '答复咨询', en: 'Answer consultations' },
      grantedWith: 'case.handle',
      dependsOn: ['consultation.case.view'],
    },
    {
      id: 'consultation.adviser.manage',
      label: { 'zh-CN': '管理居村法律顾问', en: 'Manage community lawyer advisers' },
      grantedWith: 'adviser.manage',
      dependsOn: ['consultation.case.view'],
    },
  ],
  statistics: [
    // 咨询时长: counted by `createLog`, by channel, with the minutes.
    {
      id: 'consultations',
      label: { 'zh-CN': '咨询人次', en: 'Consultations' },
      measure: 'consultation',
      recount: consultationFacts,
    },
    { id: 'walk-ins', label: { 'zh-CN': '来访接待人次', en: 'Walk-in visitors' } },
    { id: 'hotline-calls', label: { 'zh-CN': '热线接听量', en: 'Hotline calls answered' } },
    { id: 'online-consultations', label: { 'zh-CN': '网上咨询量', en: 'Online consultations' } },
  ],
  procedures,
  messages,
  adminRoutes,
  demo: seedConsultationDemo,
});
