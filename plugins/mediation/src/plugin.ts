import { definePlugin, pluginActivity, readMigrations } from '@linju/plugin-sdk';
import { z } from 'zod';
import { adminRoutes } from './admin-routes.ts';
import { DISPUTE_CATEGORIES, DISPUTE_CATEGORY_NAMES, mediationIntakeForm } from './intake-form.ts';
import { lapseConfirmationWindows, recordCourtDecision } from './judicial-confirmation.ts';
import { messages } from './messages.ts';
import { applyJudicialConfirmation } from './procedures/apply-judicial-confirmation.ts';
import { confirmAgreement } from './procedures/confirm-agreement.ts';
import { createAgreement } from './procedures/create-agreement.ts';
import { createSession } from './procedures/create-session.ts';
import { fail } from './procedures/fail.ts';
import { get } from './procedures/get.ts';
import { page } from './procedures/page.ts';
import { setMediators } from './procedures/set-mediators.ts';

/**
 * People's mediation (人民调解): a mediation agreement may go to a court for judicial confirmation;
 * a failed mediation goes on to a lawyer or to litigation.
 */
export const plugin = definePlugin({
  id: 'mediation',
  version: '0.1.0',
  sdkVersion: '1.x',
  kind: 'core',
  name: { 'zh-CN': '人民调解', en: "People's mediation" },
  description: {
    'zh-CN':
      '人民调解员调解家事、侵权、债务、邻里、物业管理等民间纠纷和信访矛盾，达成的调解协议可申请司法确认',
    en: 'People’s mediators settle family, tort, debt, neighbour and property-management disputes and petitions; an agreement can be put to a court for judicial confirmation',
  },
  catalogue: [
    {
      id: 'dispute-mediation',
      name: { 'zh-CN': '矛盾纠纷调解', en: 'Dispute mediation' },
      description: {
        'zh-CN': '免费调解，双方自愿；调解成功的制作调解协议书',
        en: 'Free and voluntary; a successful mediation ends in a written mediation agreement',
      },
    },
    {
      id: 'remote-mediation',
      name: { 'zh-CN': '远程视频调解', en: 'Remote video mediation' },
      description: {
        'zh-CN': '当事人在街镇工作站或居村工作室通过视频与区中心调解员连线调解',
        en: 'Parties at a station or community room meet the centre’s mediator by video',
      },
    },
    {
      id: 'judicial-confirmation',
      name: { 'zh-CN': '调解协议司法确认', en: 'Judicial confirmation of an agreement' },
      description: {
        'zh-CN': '协助双方当事人自调解协议生效之日起三十日内共同向人民法院申请司法确认，确认后可申请强制执行',
        en: 'Helps both parties apply together to a court within 30 days of the agreement taking effect; once confirmed it is enforceable',
      },
      requiredDocuments: [
        { id: 'mediation-agreement', name: { 'zh-CN': '调解协议书', en: 'Mediation agreement' } },
        {
          id: 'parties-id',
          name: { 'zh-CN': '双方当事人身份证明', en: 'Identity documents of both parties' },
        },
      ],
    },
  ],
  categories: DISPUTE_CATEGORIES.map((id) => ({ id, name: DISPUTE_CATEGORY_NAMES[id] })),
  intakeForm: mediationIntakeForm,
  // Mediation is expected to conclude within about a month (some 22 working days); petitions are escalated sooner.
  deadlines: {
    defaultWorkingDays: 22,
    byCategory: { neighbours: 15, 'property-management': 15, petitions: 15 },
  },
  permissions: [
    {
      id: 'mediation.case.view',
      label: { 'zh-CN': '查看调解案件', en: 'View mediation cases' },
      grantedWith: 'case.read',
    },
    {
      id: 'mediation.case.mediate',
      label: { 'zh-CN': '主持调解并记录', en: 'Conduct and record mediation' },
      grantedWith: 'case.handle',
      dependsOn: ['mediation.case.view'],
    },
    {
      id: 'mediation.agreement.create',
      label: { 'zh-CN': '制作调解协议书', en: 'Draw up mediation agreements' },
      grantedWith: 'case.handle',
      dependsOn: ['mediation.case.mediate'],
    },
    {
      id: 'mediation.judicial-confirmation.request',
      label: { 'zh-CN': '转交法院申请司法确认', en: 'Send agreements for judicial confirmation' },
      grantedWith: 'referral.send',
      dependsOn: ['mediation.agreement.create'],
    },
    {
      id: 'mediation.case.close',
      label: {
        'zh-CN': '结案（含调解不成转诉讼或律师）',
        en: 'Close cases, including failures passed to a lawyer or court',
      },
      grantedWith: 'case.handle',
      dependsOn: ['mediation.case.mediate'],
    },
  ],
  // Mediators, sessions, the agreement and the parties' confirmations of a case.
  migrations: readMigrations(new URL('../migrations', import.meta.url)),
  statistics: [
    { id: 'disputes-accepted', label: { 'zh-CN': '受理纠纷数', en: 'Disputes accepted' } },
    { id: 'disputes-resolved', label: { 'zh-CN': '调解成功数', en: 'Disputes resolved' } },
    { id: 'agreements', label: { 'zh-CN': '制作调解协议书数', en: 'Mediation agreements' } },
    {
      id: 'judicial-confirmations',
      label: { 'zh-CN': '申请司法确认数', en: 'Judicial confirmations requested' },
    },
    { id: 'pre-litigation', label: { 'zh-CN': '诉前调解数', en: 'Pre-litigation mediations' } },
  ],
  procedures: {
    get,
    page,
    setMediators,
    createSession,
    createAgreement,
    confirmAgreement,
    applyJudicialConfirmation,
    fail,
  },
  messages,
  // Two of the seven slogans of the community legal service living rooms (七条宣传语).
  entryPoints: [
    { id: 'dispute', slogan: { 'zh-CN': '纠纷隐忧来坐坐', en: 'A dispute brewing? Drop in' }, position: 4 },
    {
      id: 'marriage-family',
      slogan: { 'zh-CN': '婚姻家事来聊聊', en: 'Marriage and family? Let’s talk' },
      position: 5,
    },
  ],
  hooks: {
    // The court's answer to "apply for judicial confirmation" lands on the agreement.
    onReferralClosed: recordCourtDecision,
  },
  activities: [
    pluginActivity({
      name: 'mediation.lapse-confirmation-windows',
      description: {
        'zh-CN': '调解协议生效满三十日仍未申请司法确认的，标记为逾期',
        en: 'Marks agreements in force for 30 days without an application for judicial confirmation',
      },
      // `asOf` lets an operator (or a test) run it for another day; the schedule passes nothing.
      input: z.object({ asOf: z.iso.datetime({ offset: true }).optional() }),
      schedule: 'daily',
      run: (ctx, input) => lapseConfirmationWindows(ctx, input.asOf ? new Date(input.asOf) : new Date()),
    }),
  ],
  adminRoutes,
});
