import { field } from '@linju/plugin-sdk';
import { z } from 'zod';
import { EDUCATION_THEMES, EVENT_TYPE_NAMES, EVENT_TYPES, THEME_NAMES } from './vocabulary.ts';

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
