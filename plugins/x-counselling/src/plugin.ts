import { definePlugin, field } from '@linju/plugin-sdk';
import { z } from 'zod';

/** What brings a resident to the community counsellor (the seeds' "psychological counselling" X service). */
export const COUNSELLING_CONCERNS = [
  'family-conflict',
  'dispute-stress',
  'bereavement',
  'elderly-loneliness',
  'youth',
  'other',
] as const;

export const intakeForm = z.object({
  concern: field(z.enum(COUNSELLING_CONCERNS), {
    label: { 'zh-CN': '主要困扰', en: 'Main concern' },
    options: {
      'family-conflict': { 'zh-CN': '家庭矛盾', en: 'Family conflict' },
      'dispute-stress': { 'zh-CN': '纠纷带来的压力', en: 'Stress from a dispute' },
      bereavement: { 'zh-CN': '丧亲之痛', en: 'Bereavement' },
      'elderly-loneliness': { 'zh-CN': '老年孤独', en: 'Loneliness in old age' },
      youth: { 'zh-CN': '青少年成长', en: 'Growing up' },
      other: { 'zh-CN': '其他', en: 'Other' },
    },
  }),
  linkedToDispute: field(z.boolean().default(false), {
    label: { 'zh-CN': '与正在调解或诉讼的纠纷有关', en: 'Linked to a dispute in mediation or court' },
  }),
  riskOfHarm: field(z.boolean().default(false), {
    label: { 'zh-CN': '有自伤或伤人风险', en: 'Risk of harm to self or others' },
    help: {
      'zh-CN': '如勾选，立即转介专业心理危机干预并通知站长',
      en: 'If ticked, refer to professional crisis support at once and tell the station head',
    },
  }),
  preferredTime: field(z.string().trim().max(100).optional(), {
    label: { 'zh-CN': '方便的时间', en: 'Preferred time' },
  }),
});

/**
 * Psychological counselling (心理疏导): a street office's add-on next to mediation. A matter with a
 * risk of harm is urgent whatever else it says — the hook logs it for the desk to act on.
 */
export const plugin = definePlugin({
  id: 'x-counselling',
  version: '0.1.0',
  sdkVersion: '1.x',
  kind: 'x',
  name: { 'zh-CN': '心理疏导', en: 'Psychological counselling' },
  description: {
    'zh-CN': '社区心理咨询师为纠纷当事人及有需要的居民提供疏导，配合人民调解化解矛盾',
    en: 'Community counsellors support parties to disputes and residents in need, alongside mediation',
  },
  catalogue: [
    {
      id: 'counselling-session',
      name: { 'zh-CN': '心理疏导预约', en: 'Book a counselling session' },
      description: {
        'zh-CN': '每次约 50 分钟，免费，严格保密',
        en: 'About 50 minutes, free and confidential',
      },
    },
  ],
  categories: [
    { id: 'individual', name: { 'zh-CN': '个体疏导', en: 'Individual' } },
    { id: 'family', name: { 'zh-CN': '家庭疏导', en: 'Family' } },
  ],
  intakeForm,
  deadlines: { defaultWorkingDays: 5, byCategory: { family: 10 } },
  permissions: [
    {
      id: 'x-counselling.case.view',
      label: { 'zh-CN': '查看心理疏导事项', en: 'View counselling matters' },
      grantedWith: 'case.read',
    },
    {
      id: 'x-counselling.case.handle',
      label: { 'zh-CN': '办理心理疏导事项', en: 'Handle counselling matters' },
      grantedWith: 'case.handle',
      dependsOn: ['x-counselling.case.view'],
    },
  ],
  hooks: {
    onCaseCreated(ctx, info) {
      if (info.form.riskOfHarm)
        ctx.logger.warn('counselling intake with risk of harm: crisis referral needed', {
          caseId: info.caseId,
        });
    },
  },
  // Its page of a case, as \`linju plugin new\` writes one: the intake answers under their labels.
  adminRoutes: [
    {
      id: 'case-page',
      path: 'x-counselling',
      module: 'case-x-counselling',
      label: { 'zh-CN': '心理疏导记录', en: 'Counselling record' },
      permission: 'case.read',
      placement: ['case-service'],
    },
  ],
});
