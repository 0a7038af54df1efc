import type { LocalizedText } from '@linju/plugin-sdk';

/** Who sits in the pool, in the bureau's words. */
export const EXPERT_KINDS = ['lawyer', 'scholar', 'retired-judge', 'mediator'] as const;
export type ExpertKind = (typeof EXPERT_KINDS)[number];

export const EXPERT_KIND_NAMES: Record<ExpertKind, LocalizedText> = {
  lawyer: { 'zh-CN': '律师', en: 'Lawyer' },
  scholar: { 'zh-CN': '法学专家学者', en: 'Legal scholar' },
  'retired-judge': { 'zh-CN': '退休法官', en: 'Retired judge' },
  mediator: { 'zh-CN': '资深调解员', en: 'Senior mediator' },
};

/** The fields of law an expert is asked on: the matters residents bring (DOMAIN.md). */
export const LAW_FIELDS = [
  'family',
  'labour',
  'property-management',
  'housing-land',
  'contract-debt',
  'tort',
  'administrative',
  'intellectual-property',
  'criminal',
  'other',
] as const;
export type LawField = (typeof LAW_FIELDS)[number];

export const LAW_FIELD_NAMES: Record<LawField, LocalizedText> = {
  family: { 'zh-CN': '婚姻家事', en: 'Marriage and family' },
  labour: { 'zh-CN': '劳动争议', en: 'Labour disputes' },
  'property-management': { 'zh-CN': '物业纠纷', en: 'Property management' },
  'housing-land': { 'zh-CN': '房屋土地', en: 'Housing and land' },
  'contract-debt': { 'zh-CN': '合同债务', en: 'Contracts and debts' },
  tort: { 'zh-CN': '侵权赔偿', en: 'Torts and compensation' },
  administrative: { 'zh-CN': '行政争议', en: 'Administrative disputes' },
  'intellectual-property': { 'zh-CN': '知识产权', en: 'Intellectual property' },
  criminal: { 'zh-CN': '刑事', en: 'Criminal' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/** Available; paused until a date (back on the day after); left the pool. */
export const AVAILABILITIES = ['available', 'paused', 'left'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

export const REQUEST_STATUSES = ['open', 'answered', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
