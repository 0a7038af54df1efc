import { field, type LocalizedText } from '@linju/plugin-sdk';
import { z } from 'zod';
import { CONSULTATION_CHANNELS } from './vocabulary.ts';

/** Case categories: the everyday matters the seeds' volunteer lawyer teams answer, plus labour and other. */
export const CONSULTATION_CATEGORIES = [
  'family',
  'torts',
  'debts',
  'neighbour-relations',
  'property-management',
  'urban-renewal',
  'labour',
  'other',
] as const;

/** Names of {@link CONSULTATION_CATEGORIES}. */
export const CONSULTATION_CATEGORY_NAMES: Record<(typeof CONSULTATION_CATEGORIES)[number], LocalizedText> = {
  family: { 'zh-CN': '婚姻家事', en: 'Marriage and family' },
  torts: { 'zh-CN': '侵权纠纷', en: 'Torts' },
  debts: { 'zh-CN': '债权债务', en: 'Debts' },
  'neighbour-relations': { 'zh-CN': '相邻关系', en: 'Neighbour relations' },
  'property-management': { 'zh-CN': '物业管理', en: 'Property management' },
  'urban-renewal': { 'zh-CN': '城区更新改造', en: 'Urban renewal' },
  labour: { 'zh-CN': '劳动争议', en: 'Labour disputes' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/** The intake form of a legal consultation. */
export const consultationIntakeForm = z.object({
  topic: field(z.string().trim().min(2).max(100), {
    label: { 'zh-CN': '咨询主题', en: 'Topic' },
    help: { 'zh-CN': '一句话概括，如“房屋租赁押金不退”', en: 'One line, e.g. "Landlord keeps the deposit"' },
  }),
  channel: field(z.enum(CONSULTATION_CHANNELS), {
    label: { 'zh-CN': '咨询渠道', en: 'Channel' },
    options: {
      'walk-in': { 'zh-CN': '现场来访', en: 'Walk-in' },
      hotline: { 'zh-CN': '12348热线', en: '12348 hotline' },
      online: { 'zh-CN': '网上咨询', en: 'Online' },
    },
  }),
  question: field(z.string().trim().min(10).max(4000), {
    label: { 'zh-CN': '问题描述', en: 'Question' },
    help: {
      'zh-CN': '请写明事情经过、涉及的人和金额，以及希望得到什么帮助',
      en: 'What happened, who and how much is involved, and what help is wanted',
    },
  }),
});

/** A validated consultation intake. */
export type ConsultationIntake = z.output<typeof consultationIntakeForm>;
