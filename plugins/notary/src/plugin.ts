import { definePlugin, readMigrations } from '@linju/plugin-sdk';
import { adminRoutes } from './admin-routes.ts';
import { seedNotaryDemo } from './demo-seed.ts';
import { notaryIntakeForm } from './intake-form.ts';
import { messages } from './messages.ts';
import { NOTARY_MATTER_DETAILS, NOTARY_MATTERS, notaryCatalogue } from './notary-matters.ts';
import * as procedures from './procedures/index.ts';

/** Notarization (公证服务): the common matters, remote video notarization, expedited service and a green channel. */
export const plugin = definePlugin({
  id: 'notary',
  version: '0.1.0',
  sdkVersion: '1.x',
  kind: 'core',
  name: { 'zh-CN': '公证服务', en: 'Notarization' },
  description: {
    'zh-CN':
      '办理亲属关系、遗嘱继承、委托声明、无犯罪记录、婚姻财产约定等公证，支持远程视频公证、加急办理和老弱病残绿色通道',
    en: 'Kinship, wills and inheritance, powers of attorney and declarations, no-criminal-record and marital property agreements; remote video notarization, expedited service and a green channel for the elderly, sick and disabled',
  },
  catalogue: notaryCatalogue,
  categories: NOTARY_MATTERS.map((id) => ({ id, name: NOTARY_MATTER_DETAILS[id].name })),
  intakeForm: notaryIntakeForm,
  // The Notarization Procedure Rules allow 15 working days from acceptance; simple matters are promised sooner.
  deadlines: {
    defaultWorkingDays: 15,
    byCategory: { kinship: 5, 'no-criminal-record': 5, 'power-of-attorney-declaration': 5, will: 10 },
  },
  permissions: [
    {
      id: 'notary.matter.view',
      label: { 'zh-CN': '查看公证事项', en: 'View notarial matters' },
      grantedWith: 'case.read',
    },
    {
      id: 'notary.matter.accept',
      label: { 'zh-CN': '受理公证申请', en: 'Accept notarial applications' },
      grantedWith: 'case.handle',
      dependsOn: ['notary.matter.view'],
    },
    {
      id: 'notary.certificate.issue',
      label: { 'zh-CN': '出具公证书', en: 'Issue notarial certificates' },
      grantedWith: 'case.handle',
      dependsOn: ['notary.matter.accept'],
    },
    {
      // An office's managers offer its appointment slots.
      id: 'notary.slot.manage',
      label: { 'zh-CN': '管理公证预约时段', en: 'Manage notary appointment slots' },
      grantedWith: 'case.manage',
    },
  ],
  // Appointment slots per office and the bookings of cases (notary_booking_slot, notary_booking).
  migrations: readMigrations(new URL('../migrations', import.meta.url)),
  statistics: [
    { id: 'matters-accepted', label: { 'zh-CN': '受理公证事项数', en: 'Matters accepted' } },
    { id: 'certificates-issued', label: { 'zh-CN': '出具公证书数', en: 'Certificates issued' } },
    { id: 'green-channel', label: { 'zh-CN': '绿色通道办理数', en: 'Green-channel matters' } },
    { id: 'expedited', label: { 'zh-CN': '加急办理数', en: 'Expedited matters' } },
    { id: 'remote', label: { 'zh-CN': '远程视频公证数', en: 'Remote video notarizations' } },
  ],
  procedures,
  messages,
  adminRoutes,
  demo: seedNotaryDemo,
});
