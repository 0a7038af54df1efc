import { definePlugin, readMigrations } from '@linju/plugin-sdk';
import { adminRoutes } from './admin-routes.ts';
import { seedLegalEducationDemo } from './demo-seed.ts';
import { educationEventFacts } from './events.ts';
import { legalEducationIntakeForm } from './intake-form.ts';
import { messages } from './messages.ts';
import * as procedures from './procedures/index.ts';
import { EVENT_TYPE_NAMES, EVENT_TYPES } from './vocabulary.ts';

/** Legal publicity (法治宣传): lectures and campaigns on the Constitution, the Civil Code and more, taken to where people are. */
export const plugin = definePlugin({
  id: 'legal-education',
  version: '0.1.0',
  sdkVersion: '1.x',
  kind: 'core',
  name: { 'zh-CN': '法治宣传', en: 'Legal education' },
  description: {
    'zh-CN':
      '深入社区宣传习近平法治思想、宪法、民法典及与群众利益密切相关的法律法规，开展送法进工地、进企业、进社区、进市场活动',
    en: 'Lectures and campaigns on the rule of law, the Constitution, the Civil Code and the laws closest to residents’ lives, taken into worksites, firms, communities and markets',
  },
  catalogue: [
    {
      id: 'lecture-booking',
      name: { 'zh-CN': '预约法治讲座', en: 'Book a law lecture' },
      description: {
        'zh-CN': '居委、企业、学校可预约律师或普法讲师上门讲座，主题按需定制',
        en: 'Communities, firms and schools can book a lawyer or lecturer to speak on a topic of their choice',
      },
    },
    {
      id: 'publicity-events',
      name: { 'zh-CN': '普法宣传活动', en: 'Legal publicity events' },
      description: {
        'zh-CN': '宪法宣传周、民法典宣传月等主题活动和现场法律咨询，免费发放宣传资料',
        en: 'Constitution Week, Civil Code Month and other campaigns with on-site advice and free materials',
      },
    },
  ],
  categories: EVENT_TYPES.map((id) => ({ id, name: EVENT_TYPE_NAMES[id] })),
  intakeForm: legalEducationIntakeForm,
  // Time to arrange a requested event (speaker, venue, materials).
  deadlines: { defaultWorkingDays: 10 },
  // The events held, their audience and materials (legal_education_event).
  migrations: readMigrations(new URL('../migrations', import.meta.url)),
  permissions: [
    {
      id: 'legal-education.event.view',
      label: { 'zh-CN': '查看普法活动', en: 'View events' },
      grantedWith: 'case.read',
    },
    {
      id: 'legal-education.event.manage',
      label: { 'zh-CN': '策划和登记普法活动', en: 'Plan and record events' },
      grantedWith: 'case.handle',
      dependsOn: ['legal-education.event.view'],
    },
  ],
  statistics: [
    // 法治宣传活动: counted by `recordEvent` (moved by `updateEvent`), by event type, with the attendance.
    {
      id: 'events',
      label: { 'zh-CN': '开展活动场次', en: 'Events held' },
      measure: 'education-event',
      recount: educationEventFacts,
    },
    { id: 'attendance', label: { 'zh-CN': '受众人次', en: 'Attendance' } },
    { id: 'materials-handed-out', label: { 'zh-CN': '发放宣传资料份数', en: 'Materials handed out' } },
  ],
  procedures,
  messages,
  adminRoutes,
  demo: seedLegalEducationDemo,
});
