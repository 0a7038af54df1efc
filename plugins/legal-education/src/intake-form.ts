import { field, type LocalizedText } from '@linju/plugin-sdk';
import { z } from 'zod';

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

const THEME_NAMES: Record<(typeof EDUCATION_THEMES)[number], LocalizedText> = {
  'xi-rule-of-law-thought': { 'zh-CN': '习近平法治思想', en: 'Xi Jinping Thought on the Rule of Law' },
  constitution: { 'zh-CN': '宪法', en: 'The Constitution' },
  'civil-code': { 'zh-CN': '民法典', en: 'The Civil Code' },
  'labour-wages': { 'zh-CN': '劳动法律与治欠保支', en: 'Labour law and unpaid wages' },
  'anti-fraud': { 'zh-CN': '防范电信网络诈骗', en: 'Telecom and online fraud' },
  minors: { 'zh-CN': '未成年人保护', en: 'Protection of minors' },
  elderly: { 'zh-CN': '老年人权益保障', en: "Elderly people's rights" },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/** The form recording a legal-education event (planned or held). */
export const legalEducationIntakeForm = z.object({
  title: field(z.string().trim().min(2).max(100), { label: { 'zh-CN': '活动名称', en: 'Title' } }),
  eventType: field(z.enum(EVENT_TYPES), {
    label: { 'zh-CN': '活动形式', en: 'Kind of event' },
    options: EVENT_TYPE_NAMES,
  }),
  themes: field(z.array(z.enum(EDUCATION_THEMES)).min(1).max(EDUCATION_THEMES.length), {
    label: { 'zh-CN': '宣传主题', en: 'Themes' },
    options: THEME_NAMES,
  }),
  venue: field(z.string().trim().min(2).max(200), { label: { 'zh-CN': '活动地点', en: 'Venue' } }),
  date: field(z.iso.date(), { label: { 'zh-CN': '活动日期', en: 'Date' } }),
  attendance: field(z.int().min(0).max(1_000_000).optional(), {
    label: { 'zh-CN': '参与人数', en: 'Attendance' },
    help: { 'zh-CN': '活动结束后填写', en: 'Filled in after the event' },
  }),
  materialsHandedOut: field(z.int().min(0).max(10_000_000).optional(), {
    label: { 'zh-CN': '发放宣传资料（份）', en: 'Materials handed out (copies)' },
  }),
});

/** A validated legal-education event record. */
export type LegalEducationIntake = z.output<typeof legalEducationIntakeForm>;
