import type { LocalizedText } from '@linju/plugin-sdk';

/** Kinds of event: lectures, themed campaigns, and the seeds' "into worksites, firms, communities, markets". */
export const EVENT_TYPES = [
  'lecture',
  'campaign',
  'into-worksites',
  'into-firms',
  'into-communities',
  'into-markets',
] as const;

/** Names of {@link EVENT_TYPES}. */
export const EVENT_TYPE_NAMES: Record<(typeof EVENT_TYPES)[number], LocalizedText> = {
  lecture: { 'zh-CN': '法治讲座', en: 'Lecture' },
  campaign: { 'zh-CN': '主题宣传活动', en: 'Themed campaign' },
  'into-worksites': { 'zh-CN': '送法进工地', en: 'Into worksites' },
  'into-firms': { 'zh-CN': '送法进企业', en: 'Into firms' },
  'into-communities': { 'zh-CN': '送法进社区', en: 'Into communities' },
  'into-markets': { 'zh-CN': '送法进市场', en: 'Into markets' },
};

/** Themes of legal publicity from the seeds, plus frequent local ones. */
export const EDUCATION_THEMES = [
  'xi-rule-of-law-thought',
  'constitution',
  'civil-code',
  'labour-wages',
  'anti-fraud',
  'minors',
  'elderly',
  'other',
] as const;

/** Names of {@link EDUCATION_THEMES}. */
export const THEME_NAMES: Record<(typeof EDUCATION_THEMES)[number], LocalizedText> = {
  'xi-rule-of-law-thought': { 'zh-CN': '习近平法治思想', en: 'Xi Jinping Thought on the Rule of Law' },
  constitution: { 'zh-CN': '宪法', en: 'The Constitution' },
  'civil-code': { 'zh-CN': '民法典', en: 'The Civil Code' },
  'labour-wages': { 'zh-CN': '劳动法律与治欠保支', en: 'Labour law and unpaid wages' },
  'anti-fraud': { 'zh-CN': '防范电信网络诈骗', en: 'Telecom and online fraud' },
  minors: { 'zh-CN': '未成年人保护', en: 'Protection of minors' },
  elderly: { 'zh-CN': '老年人权益保障', en: "Elderly people's rights" },
  other: { 'zh-CN': '其他', en: 'Other' },
};
