import { field } from '@linju/plugin-sdk';
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
